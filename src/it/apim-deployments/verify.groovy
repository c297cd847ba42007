import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.NodeZip
import io.github.wso2cluster.testkit.TestClusters
import org.tomlj.Toml

def TOML = 'repository/conf/deployment.toml'
String log = new File(basedir, 'build.log').text
assert !log.contains('it-Db-Pa55word')

// Every cross-node URL as the bytes of each node's deployment.toml hold it: peers' hosts, each on its own offset.
def expected = [
    cp1: ['server_role = "control-plane"', 'event_duplicate_url = ["tcp://10.0.2.12:5672"]',
          '[[apim.event_hub.publish.url_group]]\nurls = ["tcp://10.0.2.11:9611"]\nauth_urls = ["ssl://10.0.2.11:9711"]',
          'urls = ["tcp://10.0.2.12:9611"]', 'service_url = "https://10.0.2.13:9443/services/"',
          'ws_endpoint = "ws://10.0.2.13:9099"', 'https_endpoint = "https://gw.am.example.com:443"'],
    cp2: ['event_duplicate_url = ["tcp://10.0.2.11:5672"]'],
    gw1: ['server_role = "gateway-worker"', 'service_url = "https://10.0.2.11:9443/services/"',
          'event_listening_endpoints = ["tcp://10.0.2.11:5672", "tcp://10.0.2.12:5672"]',
          'throttle_decision_endpoints = ["tcp://10.0.2.11:5675"]',
          '[[apim.throttling.url_group]]\ntraffic_manager_urls = ["tcp://10.0.2.11:9614"]\ntraffic_manager_auth_urls = ["ssl://10.0.2.11:9714"]',
          'gateway_labels =["Default"]'],
    // its own broker on its own offset: a stock localhost:5672 would be cp1's on the same host
    tm1: ['server_role = "traffic-manager"', 'throttle_decision_endpoints = ["tcp://10.0.2.11:5675"]']]
def profiles = [cp1: 'control-plane', cp2: 'control-plane', gw1: 'gateway-worker', tm1: 'traffic-manager']
profiles.keySet().each { id ->
    def node = NodeZip.open(new File(basedir, "target/apim-deployments-1.0-${id}.zip"))
    try {
        String text = node.text(TOML)
        assert Toml.parse(text).errors().isEmpty()
        expected.getOrDefault(id, []).each { assert text.contains(it) : "${id}: no ${it} in\n${text}" }
        assert !text.contains('[clustering]') : "${id}: no Hazelcast without membershipScheme"
        assert node.properties('cluster/node.properties').profile == profiles[id]
    } finally {
        node.close()
    }
}
// tm1 has no event_duplicate_url: it is the only traffic manager.
def tm = NodeZip.open(new File(basedir, 'target/apim-deployments-1.0-tm1.zip'))
assert !Toml.parse(tm.text(TOML)).contains('apim.throttling.event_duplicate_url')
tm.close()

String nginx = new File(basedir, 'target/wso2-cluster/nginx/wso2-cluster.conf').text
assert nginx.contains('    server 10.0.2.13:8243;  # gw1\n')
assert nginx.contains('    hash $cookie_JSESSIONID consistent;\n    server 10.0.2.11:9443;  # cp1\n    server 10.0.2.12:9443;  # cp2\n')
String junit = new File(basedir, 'target/wso2-cluster/TEST-wso2-cluster.xml').text
assert junit.contains('name="apim-wiring"')
assert !log.contains('[apim-wiring]') : 'the derived wiring passes'

def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir,
        '<server><id>it-db</id><username>it-db-user</username><password>nested-Pa55</password></server>')

// Active-active: two all-in-one nodes on one host, offsets 0 and 2, throttling duplicated to each other.
File active = new File(basedir, 'active-active')
active.mkdirs()
new File(active, 'pom.xml').text = new File(basedir, 'pom.xml').text
        .replaceAll('(?s)<nodes>.*</nodes>', '<nodes><node><id>am1</id><role>all-in-one</role><localMemberHost>10.0.3.11</localMemberHost>'
                + '</node><node><id>am2</id><role>all-in-one</role><localMemberHost>10.0.3.11</localMemberHost><portOffset>2</portOffset>'
                + '</node></nodes>')
def result = maven.run(active, 'verify')
new File(basedir, 'active-active.log').text = result.output()
assert result.exit() == 0 : result.output()
def am2 = NodeZip.open(new File(active, 'target/apim-deployments-1.0-am2.zip'))
String am2Text = am2.text(TOML)
am2.close()
assert am2Text.contains('event_duplicate_url = ["tcp://10.0.3.11:5672"]')
assert am2Text.contains('traffic_manager_urls = ["tcp://10.0.3.11:9611"]')
assert am2Text.contains('traffic_manager_urls = ["tcp://10.0.3.11:9613"]')
assert am2Text.contains('ws_endpoint = "ws://10.0.3.11:9101"')

// Miswired as users report it, checked as a cluster built elsewhere: the gateway's decisions at a stock localhost.
File broken = new File(basedir, 'miswired')
broken.mkdirs()
def names = profiles.keySet().collect { "apim-deployments-1.0-${it}.zip".toString() }
names.each { new File(broken, it).bytes = new File(basedir, "target/${it}").bytes }
TestClusters.editEntry(new File(broken, 'apim-deployments-1.0-gw1.zip').toPath(), TOML,
        { it.replace('throttle_decision_endpoints = ["tcp://10.0.2.11:5675"]', 'throttle_decision_endpoints = ["tcp://localhost:5672"]') })
result = maven.run(broken, "io.github.wso2cluster:wso2-cluster-maven-plugin:${pluginVersion}:verify-cluster".toString(),
        "-Dwso2-cluster.archives=${names.join(',')}".toString())
new File(basedir, 'miswired.log').text = result.output()
assert result.exit() != 0 : result.output()
assert result.output() =~ /\[apim-wiring\] repository\/conf\/deployment\.toml:\d+: \[apim\.throttling\] throttle_decision_endpoints has tcp:\/\/localhost:5672, which reaches this node itself; it should reach 'tm1' at tcp:\/\/10\.0\.2\.11:5675/
assert !result.output().contains('\tat io.github') : 'a plain message, no stack trace'
return true
