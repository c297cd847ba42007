import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

// Real files: IS 7.0.0's deployment.toml and rules with its identity.xml and login webapp, and MI 4.3.0's
// conf/deployment.toml, rules, bin/micro-integrator.sh and dbscripts (src/test/resources/wso2-products, PROVENANCE.md).
File products = new File(new File(tomlFixtures).parentFile, 'wso2-products')
def is = ZipBuilder.create().folder(new File(tomlFixtures, 'is-7.0.0').toPath(), 'wso2is-7.0.0')
        .folder(new File(products, 'is-7.0.0').toPath(), 'wso2is-7.0.0')
        .file('wso2is-7.0.0/repository/components/plugins/hazelcast_5.3.6.wso2v1.jar', 'stand-in'.bytes, 0644)
        .write(new File(basedir, 'wso2is-7.0.0.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2is-full', '7.0.0', is)
def mi = ZipBuilder.create().folder(new File(products, 'mi-4.3.0').toPath(), 'wso2mi-4.3.0')
        .write(new File(basedir, 'wso2mi-4.3.0.zip').toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2mi', '4.3.0', mi)
return true
