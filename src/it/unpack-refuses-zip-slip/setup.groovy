import io.github.wso2cluster.testkit.ZipBuilder

ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .file('wso2as-5.2.1/../../slipped.txt', 'written outside the target folder')
        .write(new File(basedir, 'evil.zip').toPath())
return true
