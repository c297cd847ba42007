import io.github.wso2cluster.output.ClusterManifest
import io.github.wso2cluster.output.Digests
import io.github.wso2cluster.testkit.LineDiff
import io.github.wso2cluster.testkit.NodeZip

def AXIS2 = 'repository/conf/axis2/axis2.xml'
def CARBON = 'repository/conf/carbon.xml'
def CATALINA = 'repository/conf/tomcat/catalina-server.xml'
File distribution = new File(basedir, 'wso2as-5.2.1.zip')
def stock = NodeZip.open(distribution)
def expected = [
    manager: [role: 'manager', host: '10.0.0.2', port: '4100', subDomain: 'mgt', commit: 'true'],
    worker1: [role: 'worker', host: '10.0.0.3', port: '4200', subDomain: 'worker', commit: 'false'],
    worker2: [role: 'worker', host: '10.0.0.4', port: '4300', subDomain: 'worker', commit: 'false'],
]
String json = new File(basedir, 'target/wso2-cluster/cluster.json').text

expected.each { id, e ->
    File file = new File(basedir, "target/reference-cluster-1.0-${id}.zip")
    assert file.isFile() : "missing ${file}"
    def node = NodeZip.open(file)
    try {
        // axis2.xml
        assert node.attribute(AXIS2, '/axisconfig/clustering', 'enable') == 'true'
        assert node.xpath(AXIS2, "/axisconfig/clustering/parameter[@name='membershipScheme']") == 'wka'
        assert node.xpath(AXIS2, "/axisconfig/clustering/parameter[@name='domain']") == 'wso2.as.domain'
        assert node.xpath(AXIS2, "/axisconfig/clustering/parameter[@name='localMemberHost']") == e.host
        assert node.xpath(AXIS2, "/axisconfig/clustering/parameter[@name='localMemberPort']") == e.port
        assert node.attribute(AXIS2, "/axisconfig/clustering/parameter[@name='properties']/property[@name='subDomain']", 'value') == e.subDomain
        assert node.count(AXIS2, '/axisconfig/clustering/members') == 1
        def members = node.select(AXIS2, '/axisconfig/clustering/members/member').collect { it.getChildTextTrim('hostName') + ':' + it.getChildTextTrim('port') }
        assert members == ['10.0.0.2:4100', '10.0.0.3:4200'] : "${id}: ${members}"
        // carbon.xml
        assert node.xpath(CARBON, '/Server/HostName') == 'as.wso2.com'
        assert node.count(CARBON, '/Server/MgtHostName') == (id == 'manager' ? 1 : 0)
        if (id == 'manager') { assert node.xpath(CARBON, '/Server/MgtHostName') == 'mgt.as.wso2.com' }
        assert node.xpath(CARBON, '/Server/Ports/Offset') == '0'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/Enabled') == 'true'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/AutoCommit') == e.commit
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/AutoCheckout') == 'true'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/RepositoryType') == 'svn'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/SvnUrl') == 'https://svn.example.com/repos/as'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/SvnUser') == 'svn-bot'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/SvnPassword') == 'it-Plain-Pa55word'
        assert node.xpath(CARBON, '/Server/DeploymentSynchronizer/SvnUrlAppendTenantId') == 'true'
        // catalina-server.xml
        assert node.attribute(CATALINA, "/Server/Service/Connector[@port='9763']", 'proxyPort') == '80'
        assert node.attribute(CATALINA, "/Server/Service/Connector[@port='9443']", 'proxyPort') == '443'
        // added files and overlays
        def props = node.properties('cluster/node.properties')
        assert props.id == id && props.role == e.role && props.domain == 'wso2.as.domain'
        assert props.localMemberHost == e.host && props.localMemberPort == e.port && props.portOffset == '0'
        assert props.httpPort == '9763' && props.httpsPort == '9443'
        assert node.text('cluster/hosts') == '10.0.0.20 carbondb.mysql-wso2.com\n'
        assert node.text('repository/components/lib/mysql-connector.jar') == 'jdbc driver stand-in\n'
        assert (node.entry('manager-notes.txt') != null) == (id == 'manager')
        // every entry no setting touches: same compressed bytes, CRC, method, mode and time
        def diffs = node.differencesFrom(distribution, [AXIS2, CARBON, CATALINA])
        assert diffs.isEmpty() : "${id}: ${diffs}"
        assert node.entry('bin/wso2server.sh').unixMode == 0100755
        assert node.xpath(AXIS2, "/axisconfig/parameter[@name='EnableChildFirstClassLoading']") == 'true'
        // edited files: lines no setting touches are byte-for-byte the same
        [AXIS2, CARBON, CATALINA].each { f ->
            assert node.entry(f).unixMode == stock.entry(f).unixMode
            def diff = LineDiff.of(new String(stock.bytes(f), 'ISO-8859-1'), new String(node.bytes(f), 'ISO-8859-1'))
            diff.removed().each { line ->
                assert line =~ /enable="false"|childfirstCL|membershipScheme|name="domain"|localMember|subDomain|<hostName>|<port>|<Enabled>|<AutoCommit>|<SvnUrl>|<SvnUser>|<SvnPassword>/ : "${id} ${f}: unexpected change of line: ${line}"
            }
        }
        // the ISO-8859-1 copyright byte of carbon.xml is still one byte
        assert node.bytes(CARBON).contains((byte) 0xA9)
        // installed with the node id as classifier, same bytes
        File installed = new File(localRepositoryPath, "io/github/wso2cluster/it/reference-cluster/1.0/reference-cluster-1.0-${id}.zip")
        assert installed.isFile() : "not installed: ${installed}"
        assert installed.bytes == file.bytes
        // cluster.json's record: the size, and the SHA-256 of the bytes the plugin wrote (from writtenFrom on)
        def record = ClusterManifest.read(new File(basedir, 'target/wso2-cluster/cluster.json').toPath()).find { it.id() == id }.integrity()
        assert record.problem(file.toPath()) == null
        assert record.writtenFrom() > 0 && Digests.sha256(Arrays.copyOfRange(file.bytes, (int) record.writtenFrom(), (int) file.length())) == record.writtenSha256()
        assert json.contains("\"id\": \"${id}\", \"role\": \"${e.role}\", \"zip\": \"reference-cluster-1.0-${id}.zip\", \"size\": ${file.length()}, \"writtenFrom\": ${record.writtenFrom()}, \"writtenSha256\": \"${record.writtenSha256()}\"")
    } finally {
        node.close()
    }
}
String log = new File(basedir, 'build.log').text
// verify-cluster ran in the verify phase (before install) on the zips of this build, and wrote both reports.
assert log.contains('verify-cluster: 3 nodes passed 12 checks (0 warnings)')
assert new File(basedir, 'target/wso2-cluster/verify-cluster.txt').text.startsWith('verify-cluster: 3 nodes, 12 checks: 0 errors, 0 warnings')
assert new File(basedir, 'target/wso2-cluster/TEST-wso2-cluster.xml').text.contains('<testsuite name="wso2-cluster" tests="57" failures="0" errors="0" skipped="21"')
assert log.contains("Node 'worker2' (worker, member 10.0.0.4:4300, subDomain worker, HTTP 9763, HTTPS 9443)")
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert !log.contains('it-Plain-Pa55word') : 'the SVN password must never reach the log, not even with -X'
return true
