import io.github.wso2cluster.testkit.ZipBuilder

ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
return true
