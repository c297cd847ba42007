import io.github.wso2cluster.testkit.ZipBuilder

byte[] jar = new byte[30000]
new Random(11).nextBytes(jar)
ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .stored('wso2as-5.2.1/repository/components/plugins/stored.jar', jar)
        .write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
return true
