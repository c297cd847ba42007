import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

def dist = ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1')
        .write(new File(basedir, 'wso2as-5.2.1.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2as', '5.2.1', dist)
def extras = ZipBuilder.create().file('extras/readme.txt', 'not WSO2').write(new File(basedir, 'extras.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'extras', '1.0', extras)
return true
