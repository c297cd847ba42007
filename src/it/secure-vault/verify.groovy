import io.github.wso2cluster.testkit.Keystores
import io.github.wso2cluster.testkit.NodeZip
import java.util.zip.ZipFile
import org.tomlj.Toml

def PASSWORDS = ['it-Db-Pa55word', 'it-Plain-Pa55word', 'it-Admin-Pa55word']
def keystore = new File(basedir, 'keys/wso2carbon.jks').toPath()
def decrypt = { String algorithm, String cipher -> Keystores.decryptWith('wso2carbon', keystore, 'JKS', 'wso2carbon', algorithm, cipher) }

// Not in the log (Maven -X prints every plugin parameter), cluster.json or the reports.
String log = new File(basedir, 'build.log').text
PASSWORDS.each { assert !log.contains(it) : "a password is in build.log" }
assert log.contains('verify-cluster: 2 nodes passed') : 'verify-cluster did not pass'
assert !log.contains('clear-text passwords') : 'a vaulted build warned of clear-text passwords'
['is', 'as'].each { module ->
    ['wso2-cluster/cluster.json', 'wso2-cluster/verify-cluster.txt', 'wso2-cluster/TEST-wso2-cluster.xml'].each { f ->
        String text = new File(basedir, "${module}/target/${f}").text
        PASSWORDS.each { assert !text.contains(it) : "${module}/target/${f} holds a password" }
    }
    assert new File(basedir, "${module}/target/wso2-cluster/TEST-wso2-cluster.xml").text.contains('name="keystores"')
    assert new File(basedir, "${module}/target/wso2-cluster/TEST-wso2-cluster.xml").text.contains('name="secrets"')
}

// Not in any entry of any node zip, in clear or escaped.
new File(basedir, 'is/target').listFiles().findAll { it.name.endsWith('.zip') } + new File(basedir, 'as/target').listFiles()
        .findAll { it.name.endsWith('.zip') }.each { File zip ->
    new ZipFile(zip).withCloseable { z ->
        z.entries().each { e ->
            String text = new String(z.getInputStream(e).bytes, 'ISO-8859-1')
            PASSWORDS.each { assert !text.contains(it) : "${zip.name}!${e.name} holds a password" }
        }
    }
}

// Identity Server: $secret{} in place, [secrets] the last table, every cipher text decrypts to its password.
['is1', 'is2'].each { id ->
    def node = NodeZip.open(new File(basedir, "is/target/vault-is-1.0-${id}.zip"))
    try {
        String text = node.text('repository/conf/deployment.toml')
        def toml = Toml.parse(text)
        assert toml.errors().isEmpty()
        assert toml.getString('database.shared_db.password') == '$secret{database_shared_db_password}'
        assert toml.getString('super_admin.password') == '$secret{super_admin_password}'
        def lines = text.readLines()
        int header = lines.indexOf('[secrets]')
        assert header > 0 && lines.subList(header + 1, lines.size()).every { !it.trim().startsWith('[') } : text
        assert decrypt('RSA', toml.getString('secrets.database_shared_db_password')) == 'it-Db-Pa55word'
        assert decrypt('RSA', toml.getString('secrets.super_admin_password')) == 'it-Admin-Pa55word'
        def conf = node.properties('repository/conf/security/secret-conf.properties')
        assert conf.getProperty('secVault.enabled') == 'true'
        assert conf.getProperty('keystore.identity.location') == 'repository/resources/security/wso2carbon.jks'
        assert conf.getProperty('secretRepositories.file.algorithm') == 'RSA'
    } finally {
        node.close()
    }
}

// Carbon 4.4: svns:secretAlias with the fixed names, cipher-text.properties (stock entries too), OAEP.
['manager', 'worker1'].each { id ->
    def node = NodeZip.open(new File(basedir, "as/target/vault-as-1.0-${id}.zip"))
    try {
        def ciphers = node.properties('repository/conf/security/cipher-text.properties')
        String oaep = 'RSA/ECB/OAEPwithSHA1andMGF1Padding'
        assert decrypt(oaep, ciphers.getProperty('Datasources.WSO2_REGISTRY_DB.Configuration.Password')) == 'it-Db-Pa55word'
        assert decrypt(oaep, ciphers.getProperty('Datasources.WSO2_USER_DB.Configuration.Password')) == 'it-Db-Pa55word'
        assert decrypt(oaep, ciphers.getProperty('Carbon.DeploymentSynchronizer.SvnPassword')) == 'it-Plain-Pa55word'
        assert decrypt(oaep, ciphers.getProperty('UserManager.AdminUser.Password')) == 'it-Admin-Pa55word'
        assert decrypt(oaep, ciphers.getProperty('Carbon.Security.KeyStore.Password')) == 'wso2carbon'
        assert node.attribute('repository/conf/carbon.xml', '/Server/DeploymentSynchronizer/SvnPassword',
                'svns:secretAlias') == 'Carbon.DeploymentSynchronizer.SvnPassword' || node.text('repository/conf/carbon.xml')
                .contains('<SvnPassword svns:secretAlias="Carbon.DeploymentSynchronizer.SvnPassword">password</SvnPassword>')
        assert node.properties('repository/conf/security/secret-conf.properties')
                .getProperty('secretRepositories.file.algorithm') == oaep
    } finally {
        node.close()
    }
}
return true
