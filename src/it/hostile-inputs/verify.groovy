import io.github.wso2cluster.bench.SyntheticDistribution
import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.NodeZip
import java.nio.file.Files
import java.util.concurrent.TimeUnit

File inputs = new File(basedir, 'inputs')
// Credentials for the serverId case: an encrypted password, decrypted with the master in settings-security.xml.
String encrypted = '{kazt3c0vft8HutlWnK8mOGQk+md6h6zJFWuC+vwng9JhkgT5C9UJUn+rtpx4WCcI}'
String decrypted = 'Svn-Decrypted-Pa55'
File security = new File(basedir, 'settings-security.xml')
security.text = '<settingsSecurity><master>{IBse7NnDiMMH1fh0FtsGD8K5sjG9LCPbeu4tohI2LjDUQA69r1duPBj5r4b5+XJv}</master></settingsSecurity>'
String securityOpts = "-Dsettings.security=${security.path}".toString()
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir,
        "<server><id>svn</id><username>svn-bot</username><password>${encrypted}</password></server>")
        .withEnvironment(['MAVEN_OPTS': securityOpts])

// A deployment project in its own folder, using one of the inputs.
def project = { String name, String distribution, String extra = '', int nodes = 2, File parent = new File(basedir, 'cases'),
                String goals = '<goal>unpack</goal><goal>configure-cluster</goal>' ->
    File dir = new File(parent, name)
    dir.mkdirs()
    String nodeXml = (0..<nodes).collect { i ->
        "<node><id>${i == 0 ? 'manager' : 'worker' + i}</id><role>${i == 0 ? 'manager' : 'worker'}</role><localMemberHost>10.0.0.${i + 2}</localMemberHost></node>"
    }.join('')
    new File(dir, 'pom.xml').text = """<project><modelVersion>4.0.0</modelVersion><groupId>it.hostile</groupId>
  <artifactId>${name}</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin><groupId>io.github.wso2cluster</groupId><artifactId>wso2-cluster-maven-plugin</artifactId>
  <version>${pluginVersion}</version><executions><execution><goals>${goals}</goals></execution></executions>
  <configuration><distributionFile>${distribution}</distributionFile><domain>wso2.as.domain</domain>${extra}<nodes>${nodeXml}</nodes></configuration>
  </plugin></plugins></build></project>"""
    return dir
}
def noZips = { File dir -> !new File(dir, 'target').exists() || !new File(dir, 'target').listFiles().any { it.name.endsWith('.zip') } }
def plain = { String name, def result ->
    new File(basedir, "${name}.log").text = result.output()
    assert !result.output().contains('\tat ') : "${name}: a stack trace without -e:\n${result.output()}"
}

// 1. zip-slip: refused, naming the entry; nothing escapes.
File dir = project('zip-slip', new File(inputs, 'zip-slip.zip').path)
def result = maven.run(dir, 'package')
plain('zip-slip', result)
assert result.exit() != 0
assert result.output().contains("unsafe entry 'wso2as-5.2.1/../../../escaped.txt'")
assert !new File(basedir, 'escaped.txt').exists() && !new File(basedir, 'cases/escaped.txt').exists() && !new File(dir, 'escaped.txt').exists()
assert noZips(dir)

// 2. XXE: refused with file and line; the entity's file content appears nowhere.
dir = project('xxe', new File(inputs, 'xxe.zip').path)
result = maven.run(dir, 'package')
plain('xxe', result)
assert result.exit() != 0
assert result.output().contains("node 'manager': repository/conf/carbon.xml: line ") && result.output().contains('DOCTYPE')
assert !result.output().contains('XXE-SECRET-FILE-CONTENT')
if (new File(dir, 'target').exists()) {
    new File(dir, 'target').eachFileRecurse { f -> if (f.isFile()) { assert !new String(f.bytes, 'ISO-8859-1').contains('XXE-SECRET-FILE-CONTENT') : "leaked into ${f}" } }
}
assert noZips(dir)

// 3. truncated zip, 4. a zip that is no WSO2 product, 5. malformed axis2.xml: one clear message each.
[['truncated', 'truncated.zip', 'is not a readable zip file (truncated or corrupt?)'],
 ['foreign', 'foreign.zip', 'it does not look like a WSO2 Carbon 4.x product zip'],
 ['malformed', 'malformed.zip', "repository/conf/axis2/axis2.xml: line "]].each { name, zip, message ->
    File d = project(name, new File(inputs, zip).path)
    def r = maven.run(d, 'package')
    plain(name, r)
    assert r.exit() != 0 : name
    assert r.output().contains(message) : "${name}: no '${message}' in:\n${r.output()}"
    assert r.output().contains(zip) || (name == 'malformed' && r.output().contains(', column ')) : "${name}: the message must name the file (and line and column)"
    assert noZips(d)
}

// 6. -X with serverId credentials: the password reaches carbon.xml and nothing else.
dir = project('credentials', new File(inputs, 'good.zip').path,
        '<deploymentSynchronizer><svnUrl>https://svn.example.com/as</svnUrl><serverId>svn</serverId></deploymentSynchronizer>')
result = maven.run(dir, '-X', 'package')
plain('credentials', result)
assert result.exit() == 0 : result.output()
assert result.output().contains('[DEBUG]')
assert !result.output().contains(decrypted) : 'the decrypted password is in the -X log'
assert !result.output().contains(encrypted) : 'the encrypted password is in the -X log'
assert !new File(dir, 'target/wso2-cluster/cluster.json').text.contains(decrypted)
def node = NodeZip.open(new File(dir, 'target/credentials-1-worker1.zip'))
assert node.xpath('repository/conf/carbon.xml', '/Server/DeploymentSynchronizer/SvnPassword') == decrypted
assert node.xpath('repository/conf/carbon.xml', '/Server/DeploymentSynchronizer/SvnUser') == 'svn-bot'
node.close()

// 7. A build killed mid-assembly: no partial zip is ever visible, and the next build succeeds.
File big = new File(basedir, 'inputs/big.zip')
SyntheticDistribution.write(big.toPath(), new File(sampleDistribution).toPath(), 150L << 20, 3000)
dir = project('killed', big.path, '', 8)
def build = maven.start(dir, ['MAVEN_OPTS': "-Xmx128m ${securityOpts}".toString()], 'package')
File target = new File(dir, 'target')
long deadline = System.currentTimeMillis() + 120_000
while (!(target.listFiles()?.any { it.name.endsWith('.zip.part') }) && System.currentTimeMillis() < deadline && build.alive) {
    Thread.sleep(20)
}
assert build.alive : 'the build ended before it could be killed mid-assembly'
ProcessHandle.of(build.pid()).ifPresent { it.destroyForcibly() } // kill -9 of the build's JVM alone
build.await(java.time.Duration.ofSeconds(30))
build.close()
def finals = target.listFiles().findAll { it.name.endsWith('.zip') }
assert finals.isEmpty() : "a node zip is visible after the kill: ${finals}"
result = maven.run(dir, 'package')
plain('killed-rerun', result)
assert result.exit() == 0 : result.output()
def zips = target.listFiles().findAll { it.name.endsWith('.zip') }
assert zips.size() == 8
zips.each { z -> def n = NodeZip.open(z); assert n.names().size() > 10; n.close() }
assert !target.listFiles().any { it.name.endsWith('.part') } : 'temporary files left behind'

// 8. mvn -T 4 on a reactor of three deployment projects.
File reactor = new File(basedir, 'cases/reactor')
String fixPlaceholder = '<xmlEdits><xmlEdit><file>repository/conf/axis2/axis2.xml</file>' +
        "<xpath>/axisconfig/parameter[@name='EnableChildFirstClassLoading']</xpath><value>true</value></xmlEdit></xmlEdits>"
['east', 'west', 'north'].each { m -> project(m, new File(inputs, 'good.zip').path, fixPlaceholder, 3, reactor,
        '<goal>unpack</goal><goal>configure-cluster</goal><goal>verify-cluster</goal>') }
new File(reactor, 'pom.xml').text = """<project><modelVersion>4.0.0</modelVersion><groupId>it.hostile</groupId>
  <artifactId>reactor</artifactId><version>1</version><packaging>pom</packaging>
  <modules><module>east</module><module>west</module><module>north</module></modules></project>"""
result = maven.run(reactor, '-T', '4', 'verify')
plain('reactor', result)
assert result.exit() == 0 : result.output()
['east', 'west', 'north'].each { m ->
    assert new File(reactor, "${m}/target").listFiles().findAll { it.name.endsWith('.zip') }.size() == 3 : m
    assert new File(reactor, "${m}/target/wso2-cluster/verify-cluster.txt").exists()
}
return true
