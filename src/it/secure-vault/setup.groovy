import io.github.wso2cluster.testkit.Keystores
import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.ZipBuilder

// Keystores made here with keytool, with the password the stock files configure (wso2carbon), naming the host names.
File resources = new File(tomlFixtures).parentFile
def keystore = Keystores.generateWith('wso2carbon', new File(basedir, 'keys/wso2carbon.jks').toPath(), 'JKS', 'wso2carbon',
        'is.wso2.com', 'is.wso2.com', 'mgt.is.wso2.com', 'as.wso2.com', 'mgt.as.wso2.com')
def truststore = Keystores.generateWith('wso2carbon', new File(basedir, 'keys/client-truststore.jks').toPath(), 'JKS',
        'peer', 'peer.example.com')

// Identity Server 7.0.0's real deployment.toml and templates, its real secret-conf.properties.
String is = 'wso2is-7.0.0'
def isZip = ZipBuilder.create().folder(new File(tomlFixtures, 'is-7.0.0').toPath(), is)
        .file("${is}/repository/conf/security/secret-conf.properties".toString(),
                new File(resources, 'wso2-vault/is-7.0.0/repository/conf/security/secret-conf.properties').bytes, 0644)
        .stored("${is}/repository/resources/security/wso2carbon.jks".toString(), keystore.toFile().bytes)
        .stored("${is}/repository/resources/security/client-truststore.jks".toString(), truststore.toFile().bytes)
        .file("${is}/repository/components/plugins/hazelcast_5.3.6.wso2v1.jar".toString(), 'stand-in'.bytes, 0644)
        .write(new File(basedir, "${is}.zip").toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2is-vault', '7.0.0', isZip)

// A Carbon 4.4.40 kernel's real config files, with WSO2's cipher-text.properties and cipher-tool.properties.
String as = 'wso2carbon-4.4.40'
def asZip = ZipBuilder.create().folder(new File(resources, 'wso2-conf/carbon-kernel-4.4.40').toPath(), as)
        .file("${as}/repository/conf/security/cipher-text.properties".toString(),
                new File(resources, 'wso2-vault/is-7.0.0/repository/conf/security/cipher-text.properties').bytes, 0644)
        .file("${as}/repository/conf/security/cipher-tool.properties".toString(),
                new File(resources, 'wso2-vault/is-7.0.0/repository/conf/security/cipher-tool.properties').bytes, 0644)
        .stored("${as}/repository/resources/security/wso2carbon.jks".toString(), keystore.toFile().bytes)
        .stored("${as}/repository/resources/security/client-truststore.jks".toString(), truststore.toFile().bytes)
        .stored("${as}/repository/components/plugins/hazelcast_3.5.0.wso2v1.jar".toString(), new byte[2000])
        .write(new File(basedir, "${as}.zip").toPath())
LocalRepo.install(localRepositoryPath, 'io.github.wso2cluster.it', 'wso2carbon-vault', '4.4.40', asZip)
return true
