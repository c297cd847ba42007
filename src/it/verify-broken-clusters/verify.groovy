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
    assert junit.contains('<testsuite name="wso2-cluster" tests="57"')
    assert junit.contains('<failure ') : "${name}: no failing test case in the JUnit report"
    assert !new File(dir, '${project.basedir}').exists() : 'wrote under the literal ${project.basedir}'
}

def goal = "io.github.wso2cluster:wso2-cluster-maven-plugin:${pluginVersion}:verify-cluster".toString()
def run = { String name, String... args ->
    def result = maven.run(new File(basedir, name), ([goal] + args.toList()) as String[])
    new File(basedir, "extra-${name.replace('/', '-')}-${args.length}.log").text = result.output()
    assert !result.output().contains('\tat io.github') : "${name}: stack trace in the output"
    result
}

// skipChecks: the skipped check does not run (the one broken thing goes unseen), and shows as skipped.
def skipped = run('broken/proxy-port-missing', '-Dwso2-cluster.archives=cluster-manager.zip,cluster-worker1.zip,cluster-worker2.zip',
        '-Dwso2-cluster.skipChecks=proxy-ports,placeholders')
assert skipped.exit() == 0 : skipped.output()
String skippedJunit = new File(basedir, 'broken/proxy-port-missing/target/wso2-cluster/TEST-wso2-cluster.xml').text
assert skippedJunit.contains('tests="57" failures="0" errors="0" skipped="27"') : skippedJunit
assert skippedJunit.contains('name="proxy-ports" time="0">\n    <skipped message="skipped with skipChecks"/>')
assert new File(basedir, 'broken/proxy-port-missing/target/wso2-cluster/verify-cluster.txt').text
        .contains('skipped (skipChecks): proxy-ports, placeholders')

// An unknown check name fails, listing the known ones.
def unknown = run('broken/proxy-port-missing', '-Dwso2-cluster.archives=cluster-manager.zip', '-Dwso2-cluster.skipChecks=proxy-port')
assert unknown.exit() != 0
assert unknown.output().contains('skipChecks names no check: proxy-port; the checks are config-files, clustering-enabled,')

// A node that cannot be read: both reports are still written, its config-files case says why.
File unreadableReports = new File(basedir, 'broken/domain-mismatch/target/wso2-cluster')
unreadableReports.deleteDir()
def unreadable = run('broken/domain-mismatch', '-Dwso2-cluster.archives=cluster-manager.zip,nosuch.zip')
assert unreadable.exit() != 0
assert unreadable.output().contains("node 'nosuch'") && unreadable.output().contains('[config-files] the node cannot be read:')
assert new File(unreadableReports, 'verify-cluster.txt').text.contains('nosuch.zip does not exist')
assert new File(unreadableReports, 'TEST-wso2-cluster.xml').text.contains('classname="wso2-cluster.nosuch" name="config-files"')

// No node at all, or one node twice: errors, never a pass over nothing.
def none = run('broken/domain-mismatch', '-Dwso2-cluster.archives=,,,')
assert none.exit() != 0 && none.output().contains("archives (',,,') names no node")
def twice = run('broken/domain-mismatch', '-Dwso2-cluster.archives=cluster-manager.zip,./cluster-manager.zip')
assert twice.exit() != 0 && twice.output().contains('names the node') && twice.output().contains('twice')
return true
