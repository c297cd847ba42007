import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

// Two real deployment.toml products, each with a stand-in Hazelcast bundle (only its name matters).
[['is-7.0.0', 'wso2is', '7.0.0', 'hazelcast_5.3.6.wso2v1.jar'], ['apim-3.0.0', 'wso2am', '3.0.0', 'hazelcast_3.12.2.wso2v1.jar']].each { set, id, version, bundle ->
    String top = "${id}-${version}"
    def zip = ZipBuilder.create().folder(new File(tomlFixtures, set).toPath(), top)
            .file("${top}/repository/components/plugins/${bundle}".toString(), 'stand-in'.bytes, 0644)
            .write(new File(basedir, "${top}.zip").toPath())
    LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', id, version, zip)
}
return true
