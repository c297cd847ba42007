import io.github.wso2cluster.testkit.NestedMaven

// The POM build (archives, failOnWarning) passed: the reference cluster is clean.
assert new File(basedir, 'target/wso2-cluster/verify-cluster.txt').text.startsWith('verify-cluster: 3 nodes, 12 checks: 0 errors, 0 warnings')

// Each broken copy: verify-cluster in a folder with no POM at all, as a linter for clusters built elsewhere.
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir)
def expected = [
    'domain-mismatch'    : ["node 'worker2'", "[domain] repository/conf/axis2/axis2.xml:", "domain 'wso2.as.other' differs from 'wso2.as.domain'"],
    'clustering-disabled': ["node 'worker1'", "[clustering-enabled] repository/conf/axis2/axis2.xml:43: clustering is disabled (enable=\"false\")"],
    'member-port-typo'   : ["node 'manager'", "[well-known-members]", "well-known member 10.0.0.3:4201 matches no node of this cluster"],
    'worker-commits'     : ["node 'worker2'", "[deployment-synchronizer] repository/conf/carbon.xml:", "a worker with AutoCommit true commits to SVN"],
    'proxy-port-missing' : ["node 'manager'", "[proxy-ports] repository/conf/tomcat/catalina-server.xml:", "proxyPort is set on the HTTP connector only"],
    'loopback-host'      : ["node 'worker1'", "[local-member-host]", "localMemberHost is 127.0.0.1, which other machines cannot reach"],
]
expected.each { name, texts ->
    File dir = new File(basedir, "broken/${name}")
    assert !new File(dir, 'pom.xml').exists()
    def result = maven.run(dir, "io.github.wso2cluster:wso2-cluster-maven-plugin:${pluginVersion}:verify-cluster".toString(),
            '-Dwso2-cluster.archives=cluster-manager.zip,cluster-worker1.zip,cluster-worker2.zip')
    new File(basedir, "broken-${name}.log").text = result.output()
    assert result.exit() != 0 : "${name}: verify-cluster passed a broken cluster:\n${result.output()}"
    texts.each { assert result.output().contains(it) : "${name}: the output does not say '${it}':\n${result.output()}" }
    assert !result.output().contains('\tat io.github') : "${name}: stack trace in the output"
    File reports = new File(dir, 'target/wso2-cluster')
    assert new File(reports, 'verify-cluster.txt').text.contains(texts.last())
    String junit = new File(reports, 'TEST-wso2-cluster.xml').text
    assert junit.contains('<testsuite name="wso2-cluster" tests="36"')
    assert junit.contains('<failure ') : "${name}: no failing test case in the JUnit report"
    assert !new File(dir, '${project.basedir}').exists() : 'wrote under the literal ${project.basedir}'
}
return true
