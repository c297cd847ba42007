import io.github.wso2cluster.testkit.LineDiff
import io.github.wso2cluster.testkit.NodeZip

def AXIS2 = 'repository/conf/axis2/axis2.xml'
def CARBON = 'repository/conf/carbon.xml'
def CATALINA = 'repository/conf/tomcat/catalina-server.xml'
File distribution = new File(basedir, 'wso2as-5.2.1.zip')
def stock = NodeZip.open(distribution)
def expected = [
    mgr: [host: '10.0.0.2', port: '4000', offset: '0', http: '9763', https: '9443', sub: 'mgt'],
    w1:  [host: '10.0.0.2', port: '4001', offset: '1', http: '9764', https: '9444', sub: 'worker'],
    w2:  [host: '10.0.0.2', port: '4002', offset: '2', http: '9765', https: '9445', sub: 'worker'],
    w3:  [host: '10.0.0.3', port: '4001', offset: '0', http: '9763', https: '9443', sub: 'worker-eu'],
]
expected.each { id, e ->
    def node = NodeZip.open(new File(basedir, "target/co-hosted-cluster-1.0-${id}.zip"))
    try {
        def props = node.properties('cluster/node.properties')
        assert props.localMemberHost == e.host && props.localMemberPort == e.port
        assert props.portOffset == e.offset && props.httpPort == e.http && props.httpsPort == e.https : "${id}: ${props}"
        assert node.xpath(CARBON, '/Server/Ports/Offset') == e.offset
        assert node.xpath(AXIS2, "/axisconfig/clustering/parameter[@name='domain']") == 'wso2.as.qa'
        assert node.attribute(AXIS2, "//parameter[@name='properties']/property[@name='subDomain']", 'value') == e.sub
        def members = node.select(AXIS2, '/axisconfig/clustering/members/member').collect { it.getChildTextTrim('hostName') + ':' + it.getChildTextTrim('port') }
        assert members == ['10.0.0.2:4000', '10.0.0.2-3:4001'] : "${id}: ${members}"
        // CRLF stays CRLF, in old and new lines alike
        String axis2 = new String(node.bytes(AXIS2), 'ISO-8859-1')
        assert !axis2.replace('\r\n', '').contains('\n') : "${id}: a bare LF in a CRLF file"
        def diff = LineDiff.of(new String(stock.bytes(AXIS2), 'ISO-8859-1'), axis2)
        assert diff.removed().size() <= 8 : "${id}: ${diff.removedText()}"
        // ISO-8859-1 carbon.xml: declaration and the one-byte copyright sign kept
        assert new String(node.bytes(CARBON), 'ISO-8859-1').startsWith('<?xml version="1.0" encoding="ISO-8859-1"?>')
        assert node.bytes(CARBON).contains((byte) 0xA9)
        // xmlEdits: the global one everywhere, w2's own only on w2
        assert node.attribute(CATALINA, "/Server/Service/Connector[@port='9763']", 'maxThreads') == '500'
        assert node.xpath(CARBON, '/Server/Ports/JMX/RMIServerPort') == (id == 'w2' ? '11200' : '11111')
        assert node.count(CARBON, '/Server/HostName') == (id == 'mgr' ? 1 : 0)
        assert node.count(CARBON, '/Server/MgtHostName') == (id == 'mgr' ? 1 : 0)
        assert node.entry('cluster/hosts') == null : 'no hostsEntries configured'
        def diffs = node.differencesFrom(distribution, [AXIS2, CARBON, CATALINA])
        assert diffs.isEmpty() : "${id}: ${diffs}"
    } finally {
        node.close()
    }
}
return true
