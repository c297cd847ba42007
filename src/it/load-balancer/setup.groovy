import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

def dist = ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .stored('wso2as-5.2.1/repository/components/plugins/hazelcast_3.0.1.wso2v1.jar', new byte[20000])
        .write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2as', '5.2.1', dist)
return true
