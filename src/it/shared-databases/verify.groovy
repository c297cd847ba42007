import io.github.wso2cluster.testkit.LineDiff
import io.github.wso2cluster.testkit.NodeZip
import java.nio.file.Files

def DS = 'repository/conf/datasources/master-datasources.xml'
def REG = 'repository/conf/registry.xml'
def UM = 'repository/conf/user-mgt.xml'
def SECRET = 'it-Db-Pa55word'
def REGISTRY_URL = 'jdbc:mysql://carbondb.mysql-wso2.com:3306/REGISTRY_DB?autoReconnect=true&useSSL=false'
String log = new File(basedir, 'build.log').text
File distribution = new File(basedir, 'wso2as-5.2.1.zip')
def stock = NodeZip.open(distribution)

// The settings.xml password reaches master-datasources.xml only: no log line at -X, no cluster.json, no report.
assert !log.contains(SECRET) : 'the settings.xml database password is in build.log'
assert log.contains('[WARNING] databases/userStore/password is written in the POM in clear text')
assert log.contains('[WARNING] databases/userStore/url sets allowLoadLocalInfile, which lets the database server act on every node that connects') : 'no warning for a client-side URL parameter'
def driver = new File(localRepositoryPath, 'com/mysql/mysql-connector-j/8.4.0/mysql-connector-j-8.4.0.jar')
assert driver.isFile() : "the driver resolved into the IT repository: ${driver}"
['cluster.json', 'verify-cluster.txt', 'TEST-wso2-cluster.xml'].each { name ->
    File file = new File(basedir, "target/wso2-cluster/${name}")
    assert file.isFile() : "missing ${file}"
    assert !file.text.contains(SECRET) && !file.text.contains('pom-Clear-Pa55') : "a password is in ${name}"
}

[manager: 'false', worker1: 'true'].each { id, readOnly ->
    def node = NodeZip.open(new File(basedir, "target/shared-databases-1.0-${id}.zip"))
    try {
        String reg = "/datasources-configuration/datasources/datasource[name='WSO2_REGISTRY_DB']"
        assert node.xpath(DS, reg + '/jndiConfig/name') == 'jdbc/WSO2RegistryDB'
        assert node.xpath(DS, reg + '/definition/configuration/url') == REGISTRY_URL
        assert node.xpath(DS, reg + '/definition/configuration/username') == 'it-db-user'
        assert node.xpath(DS, reg + '/definition/configuration/password') == SECRET
        // Connector/J 8.4.0 resolved: its own class name (the old one is a deprecated alias that warns at every start).
        assert node.xpath(DS, reg + '/definition/configuration/driverClassName') == 'com.mysql.cj.jdbc.Driver'
        String um = "/datasources-configuration/datasources/datasource[name='WSO2_USER_DB']"
        assert node.xpath(DS, um + '/jndiConfig/name') == 'jdbc/WSO2UMDB'
        assert node.xpath(DS, um + '/definition/configuration/password') == 'pom-Clear-Pa55'
        // WSO2_CARBON_DB and every other line of the sample stay as shipped.
        def dsDiff = LineDiff.of(stock.text(DS), node.text(DS))
        assert dsDiff.removed().isEmpty() : "${id}: ${dsDiff}"

        assert node.xpath(REG, "/wso2registry/remoteInstance[id='instanceid']/readOnly") == readOnly
        assert node.xpath(REG, "/wso2registry/remoteInstance[id='instanceid']/cacheId") == 'it-db-user@' + REGISTRY_URL
        assert node.xpath(REG, "/wso2registry/mount[@path='/_system/config']/targetPath") == '/_system/asNodes'
        assert node.xpath(REG, '/wso2registry/readOnly') == 'false'
        def regDiff = LineDiff.of(stock.text(REG), node.text(REG))
        assert regDiff.removed().isEmpty() : "${id}: ${regDiff}"
        // registry.xml is a real CRLF file: the added lines are CRLF too.
        assert regDiff.added().every { it.endsWith('\r\n') } : "${id}: ${regDiff.added()}"

        assert node.xpath(UM, "/UserManager/Realm/Configuration/Property[@name='dataSource']") == 'jdbc/WSO2UMDB'
        assert LineDiff.of(stock.text(UM), node.text(UM)).removed().size() == 1

        def jar = node.entry('repository/components/lib/mysql-connector-j-8.4.0.jar')
        assert jar != null : "${id}: the driver is in the node"
        // Already compressed: stored, not deflated again (which cost 17% of a 10-node build, see the README).
        assert jar.method == java.util.zip.ZipEntry.STORED : "${id}: ${jar.method}"
        assert node.bytes('repository/components/lib/mysql-connector-j-8.4.0.jar') == Files.readAllBytes(driver.toPath())
    } finally {
        node.close()
    }
}
stock.close()

String junit = new File(basedir, 'target/wso2-cluster/TEST-wso2-cluster.xml').text
['datasources', 'registry-mounts', 'user-store', 'local-registry'].each { check ->
    assert junit.contains("classname=\"wso2-cluster.manager\" name=\"${check}\" time=\"0\"/>") : "${check} ran and passed"
}
assert log.contains('verify-cluster: 2 nodes passed 16 checks (0 warnings)')
return true
