import io.github.wso2cluster.testkit.ZipBuilder
import java.nio.file.Files
import java.nio.file.Path

Path sample = new File(sampleDistribution).toPath()
Path inputs = Files.createDirectories(new File(basedir, 'inputs').toPath())
def axis2 = 'wso2as-5.2.1/repository/conf/axis2/axis2.xml'
def carbon = 'wso2as-5.2.1/repository/conf/carbon.xml'

ZipBuilder.create().folder(sample, 'wso2as-5.2.1').write(inputs.resolve('good.zip'))
ZipBuilder.create().folder(sample, 'wso2as-5.2.1').file('wso2as-5.2.1/../../../escaped.txt', 'evil')
        .write(inputs.resolve('zip-slip.zip'))
// An XXE carbon.xml whose entity points at a local file: its content must never appear anywhere.
File secret = new File(basedir, 'secret.txt')
secret.text = 'XXE-SECRET-FILE-CONTENT'
ZipBuilder.create().folder(sample, 'wso2as-5.2.1').edit(carbon, {
    it.replace('<Server xmlns=', "<!DOCTYPE Server [<!ENTITY leak SYSTEM \"${secret.toURI()}\">]>\n<Server xmlns=")
      .replace('<ServerKey>AS</ServerKey>', '<ServerKey>&leak;</ServerKey>')
}).write(inputs.resolve('xxe.zip'))
byte[] good = Files.readAllBytes(inputs.resolve('good.zip'))
Files.write(inputs.resolve('truncated.zip'), Arrays.copyOf(good, (int) (good.length * 0.6)))
ZipBuilder.create().file('docs/readme.txt', 'not a WSO2 product').file('docs/conf.xml', '<a/>')
        .write(inputs.resolve('foreign.zip'))
ZipBuilder.create().folder(sample, 'wso2as-5.2.1').edit(axis2, { it.replace('</clustering>', '</clusterring>') })
        .write(inputs.resolve('malformed.zip'))
return true
