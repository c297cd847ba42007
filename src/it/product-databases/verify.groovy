import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.NodeZip
import io.github.wso2cluster.testkit.TestClusters
import org.tomlj.Toml

String log = new File(basedir, 'build.log').text
assert log.contains('Product: Identity Server 7.0.0 (deployment.toml), recognised from the distribution\'s files')
String report = new File(basedir, 'target/wso2-cluster/verify-cluster.txt').text
assert report =~ /^verify-cluster: 2 nodes, \d+ checks: 0 errors, 0 warnings\nproduct: Identity Server 7.0\.0 \(deployment\.toml\)\n/
assert !report.contains('not applicable: shared-state') : report
assert new File(basedir, 'target/wso2-cluster/cluster.json').text.contains('"product": {"id": "identity-server"')
['is1', 'is2'].each { id ->
    def node = NodeZip.open(new File(basedir, "target/product-databases-1.0-${id}.zip"))
    try {
        def toml = Toml.parse(node.text('repository/conf/deployment.toml'))
        assert toml.getString('database.identity_db.type') == 'mysql'
        // The templates render the URL into XML unescaped: written as WSO2's own examples write it.
        assert toml.getString('database.identity_db.url') == 'jdbc:mysql://db.example.com:3306/IDENTITY_DB?useSSL=false&amp;serverTimezone=UTC'
        assert toml.getString('database.identity_db.password') == 'it-Db-Pa55word'
        assert node.properties('cluster/node.properties').role == 'member'
        assert node.properties('cluster/node.properties').product == 'identity-server'
    } finally {
        node.close()
    }
}
assert !log.contains('it-Db-Pa55word')

def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir,
        '<server><id>it-db</id><username>it-db-user</username><password>nested-Pa55</password></server>')

// The issue: the same cluster without <identity> keeps OAuth tokens and sessions on each node's H2.
File noIdentity = new File(basedir, 'no-identity')
noIdentity.mkdirs()
String pom = new File(basedir, 'pom.xml').text
new File(noIdentity, 'pom.xml').text = pom.replaceAll('(?s)<identity>.*?</identity>', '')
def result = maven.run(noIdentity, 'verify')
new File(basedir, 'no-identity.log').text = result.output()
assert result.exit() != 0 : result.output()
assert result.output() =~ /\[shared-state\] repository\/conf\/deployment\.toml:\d+: WSO2_IDENTITY_DB is node-local \(jdbc:h2:/
assert result.output().contains('share it with <databases><identity>')
assert !result.output().contains('\tat io.github') : 'a plain message, no stack trace'

// Micro Integrator 4.3.0: RDBMS coordination, no domain, a node_id each, task nodes.
String miPom = pom.replace('<artifactId>wso2is-full</artifactId>', '<artifactId>wso2mi</artifactId>')
        .replace('<version>7.0.0</version>', '<version>4.3.0</version>')
        .replace('<domain>wso2.is.domain</domain>', '<taskNodes><taskNode>is1</taskNode></taskNodes>')
        .replaceAll('(?s)<databases>.*</databases>', '<databases><coordination><url>jdbc:mysql://db.example.com:3306/CLUSTER_DB</url>'
                + '<serverId>it-db</serverId></coordination></databases>')
File mi = new File(basedir, 'mi')
mi.mkdirs()
new File(mi, 'pom.xml').text = miPom
result = maven.run(mi, 'verify')
new File(basedir, 'mi.log').text = result.output()
assert result.exit() == 0 : result.output()
String miReport = new File(mi, 'target/wso2-cluster/verify-cluster.txt').text
assert miReport.contains('product: Micro Integrator 4.3.0 (deployment.toml)')
assert miReport =~ /not applicable: clustering-enabled, domain, .*\(Micro Integrator clusters through RDBMS coordination/
List<File> miZips = ['is1', 'is2'].collect { new File(mi, "target/product-databases-1.0-${it}.zip") }
miZips.eachWithIndex { zip, i ->
    def node = NodeZip.open(zip)
    try {
        def toml = Toml.parse(node.text('conf/deployment.toml'))
        assert !toml.contains('clustering')
        assert toml.getString('cluster_config.node_id') == "is${i + 1}"
        assert toml.getArray('datasource').getTable(0).getString('id') == 'WSO2_COORDINATION_DB'
        assert toml.getArray('task_resolver').getTable(0).getString('task_nodes') == 'is1'
    } finally {
        node.close()
    }
}

// Broken as WSO2's Helm chart breaks it: every node with the same node_id; checked as a cluster built elsewhere.
File broken = new File(basedir, 'mi-broken')
broken.mkdirs()
miZips.each { zip -> new File(broken, zip.name).bytes = zip.bytes }
TestClusters.editEntry(new File(broken, miZips[1].name).toPath(), 'conf/deployment.toml', { it.replace('node_id = "is2"', 'node_id = "is1"') })
result = maven.run(broken, "io.github.wso2cluster:wso2-cluster-maven-plugin:${pluginVersion}:verify-cluster".toString(),
        "-Dwso2-cluster.archives=${miZips.collect { it.name }.join(',')}".toString())
new File(basedir, 'mi-broken.log').text = result.output()
assert result.exit() != 0 : result.output()
assert result.output() =~ /\[node-ids\] conf\/deployment\.toml:\d+: \[cluster_config\] node_id 'is1' is also node 'is1''s: the second node to start stops/

// A task node that is no node is refused before anything is written.
File stray = new File(basedir, 'mi-stray')
stray.mkdirs()
new File(stray, 'pom.xml').text = miPom.replace('<taskNode>is1</taskNode>', '<taskNode>is9</taskNode>')
result = maven.run(stray, 'package')
assert result.exit() != 0
assert result.output().contains("taskNodes[0]: 'is9' is not the id of a node; use one of is1, is2")
return true
