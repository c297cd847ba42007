import io.github.wso2cluster.testkit.ZipBuilder

def sample = new File(sampleDistribution).toPath()
ZipBuilder.create().folder(sample, 'wso2as-5.2.1').write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
def plugins = 'wso2as-5.3.0/repository/components/plugins/'
def carbon44 = ZipBuilder.create().folder(sample, 'wso2as-5.3.0')
        .edit('wso2as-5.3.0/repository/conf/axis2/axis2.xml', { it.replace('\n', '\r\n') })
carbon44.file(plugins + 'hazelcast_3.5.0.wso2v1.jar', carbon44.content(plugins + 'hazelcast_3.0.1.wso2v1.jar'), 0644)
        .remove(plugins + 'hazelcast_3.0.1.wso2v1.jar')
        .write(new File(basedir, 'wso2as-5.3.0.zip').toPath())
return true
