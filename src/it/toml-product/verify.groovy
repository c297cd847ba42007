import io.github.wso2cluster.testkit.LineDiff
import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.NodeZip
import org.tomlj.Toml

def TOML = 'repository/conf/deployment.toml'
String log = new File(basedir, 'build.log').text
assert !log.contains('it-Db-Pa55word') : 'the settings.xml database password is in build.log'
def stock = NodeZip.open(new File(basedir, 'wso2is-7.0.0.zip'))
String original = stock.text(TOML)

[is1: ['10.0.1.11', 0L], is2: ['10.0.1.12', 1L]].each { id, e ->
    def node = NodeZip.open(new File(basedir, "target/toml-product-1.0-${id}.zip"))
    try {
        String text = node.text(TOML)
        def toml = Toml.parse(text)
        assert toml.errors().isEmpty()
        assert toml.getString('clustering.membership_scheme') == 'wka'
        assert toml.getString('clustering.domain') == 'wso2.is.domain'
        assert toml.getString('clustering.local_member_host') == e[0]
        assert toml.getString('clustering.local_member_port') == '4000'
        assert toml.getArray('clustering.members').toList() == ['10.0.1.11:4000', '10.0.1.12:4000']
        assert toml.getString('server.hostname') == 'is.wso2.com'
        assert toml.getString('server.mgt_console_hostname') == (id == 'is1' ? 'mgt.is.wso2.com' : null)
        assert (toml.getLong('server.offset') ?: 0L) == e[1]
        assert toml.getLong('transport.https.properties.proxyPort') == 443L
        assert toml.getLong('transport.https.properties.maxThreads') == 400L
        assert toml.getString('database.shared_db.password') == 'it-Db-Pa55word'
        assert toml.getString('database.shared_db.username') == 'it-db-user'
        // Surgical: the removed lines are only values the settings set.
        def diff = LineDiff.of(original, text)
        diff.removed().each { assert it ==~ /(hostname|type|url|username|password) = .*\n/ : "${id}: ${it}" }
        def props = node.properties('cluster/node.properties')
        assert props.httpsPort == String.valueOf(9443 + e[1])
        // Nothing else of the distribution changed (same bytes, mode and time).
        def diffs = node.differencesFrom(new File(basedir, 'wso2is-7.0.0.zip'), [TOML])
        assert diffs.isEmpty() : "${id}: ${diffs}"
    } finally {
        node.close()
    }
}
stock.close()

String junit = new File(basedir, 'target/wso2-cluster/TEST-wso2-cluster.xml').text
assert junit.contains('classname="wso2-cluster.is1" name="toml-keys" time="0"/>')
assert junit.contains('name="sub-domain" time="0">\n    <skipped message="not applicable: deployment.toml products: every template hard-codes subDomain worker')
assert log.contains('live: starting 2 Hazelcast hazelcast-5.3.6.jar members on loopback')
assert log =~ /live: cluster of 2 formed in [0-9.]+ s/

// API Manager 3.0.0: its carbon.xml.j2 has no mgt_console_hostname, and XML edits do not survive a start.
File apim = new File(basedir, 'apim')
apim.mkdirs()
new File(apim, 'pom.xml').text = new File(basedir, 'pom.xml').text
        .replace('<artifactId>wso2is</artifactId>', '<artifactId>wso2am</artifactId>').replace('<version>7.0.0</version>', '<version>3.0.0</version>')
        .replace('<tomlEdits>', '<xmlEdits><xmlEdit><file>repository/conf/carbon.xml</file><xpath>/Server/HostName</xpath><value>x</value></xmlEdit></xmlEdits><tomlEdits>')
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir,
        '<server><id>it-db</id><username>it-db-user</username><password>nested-Pa55</password></server>')
def result = maven.run(apim, 'package')
new File(basedir, 'apim.log').text = result.output()
assert result.exit() != 0
assert result.output().contains("mgtHostName: this distribution's carbon.xml.j2 does not read server.mgt_console_hostname")
assert result.output().contains('xmlEdits: this distribution renders its XML files from deployment.toml at every start')
assert !result.output().contains('\tat io.github') : 'a plain message, no stack trace'
assert !new File(apim, 'target/toml-product-1.0-is1.zip').exists()
return true
