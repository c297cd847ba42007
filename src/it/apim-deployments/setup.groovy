import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

// API Manager 4.1.0's real files (src/test/resources/wso2-toml/PROVENANCE.md, AM410) as a distribution zip.
def zip = ZipBuilder.create().folder(new File(tomlFixtures, 'apim-4.1.0').toPath(), 'wso2am-4.1.0')
        .write(new File(basedir, 'wso2am-4.1.0.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2am', '4.1.0', zip)
return true
