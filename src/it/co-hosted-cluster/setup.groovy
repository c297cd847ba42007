import io.github.wso2cluster.testkit.ZipBuilder

// axis2.xml with CRLF line endings, as the Carbon 4.4 kernel ships it.
ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .edit('wso2as-5.2.1/repository/conf/axis2/axis2.xml', { it.replace('\n', '\r\n') })
        .write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
return true
