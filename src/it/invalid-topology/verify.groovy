String log = new File(basedir, 'build.log').text
def expected = [
    "wellKnownMembers[1]: '10.0.0.9-3:4200': the range end 3 must be greater than its start 9",
    "deploymentSynchronizer/svnUrl: is required",
    "nodes[1] 'worker1': role 'slave' is unknown; use manager or worker",
    "nodes[1] 'worker1': localMemberHost:localMemberPort 10.0.0.3:4200 is already used by nodes[0] 'worker0'",
    "nodes[1] 'worker1': portOffset 0 gives HTTP port 9763, which nodes[0] 'worker0' (HTTP) on the same host 10.0.0.3 also uses",
    "nodes[2] 'worker2': localMemberPort 70000 is not a port (1-65535)",
    "hostName: 'as.wso2.com; listen 8081' is not a host name (RFC 1123",
    "nodes[2] 'worker2': localMemberHost '10.0.0.4;server 6.6.6.6' is not a host name",
    "nodes[3] 'Worker_3': id 'Worker_3' is not a valid classifier",
    "nodes[3] 'Worker_3': localMemberHost is required",
    "nodes: no node has role manager",
    "databases/registry/url: 'mysql://carbondb:3306/REGISTRY_DB' is not a JDBC URL (jdbc:<subprotocol>:...)",
    "databases/registry/serverId: no <server> with id 'no-such-server' in settings.xml",
    "databases/driver: com.mysql:mysql-connector-j:0.0.0-missing does not resolve (",
]
def missing = expected.findAll { !log.contains(it) }
assert missing.isEmpty() : "problems not reported: ${missing}"
assert log.contains('The cluster description has 15 problems (nothing was written)')
assert !log.contains('\tat io.github') : 'a plain message, no stack trace'
File target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.endsWith('.zip') } : 'no node zip may be written'
assert !new File(basedir, 'target/wso2-cluster/cluster.json').exists()

// domain is required where Hazelcast clustering is written (not on Micro Integrator): the validation refuses a POM
// without it, naming it.
File noDomain = new File(basedir, 'no-domain')
noDomain.mkdirs()
new File(noDomain, 'pom.xml').text = new File(basedir, 'pom.xml').text
        .replace('<domain>wso2.as.domain</domain>', '').replace('${project.basedir}/wso2as-5.2.1.zip', "${basedir}/wso2as-5.2.1.zip")
def maven = new io.github.wso2cluster.testkit.NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir)
def result = maven.run(noDomain, 'package')
new File(basedir, 'no-domain.log').text = result.output()
assert result.exit() != 0
assert result.output().contains("domain: is required") : result.output()
return true
