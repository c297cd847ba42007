import io.github.wso2cluster.testkit.NodeZip

// The README's POM built and verified, with only the steps the README gives.
String log = new File(basedir, 'build.log').text
assert log.contains('verify-cluster: 3 nodes passed 12 checks (0 warnings)') : 'verify-cluster did not pass cleanly'
['manager', 'worker1', 'worker2'].each { id ->
    File zip = new File(basedir, "target/as-cluster-1.0.0-${id}.zip")
    assert zip.isFile() : "no ${zip}"
    def node = NodeZip.open(zip)
    // user and password from settings.xml <servers> (the README's snippet), never from the POM
    assert node.xpath('repository/conf/carbon.xml', '/Server/DeploymentSynchronizer/SvnUser') == 'svn-bot'
    assert node.xpath('repository/conf/carbon.xml', '/Server/DeploymentSynchronizer/AutoCommit') == (id == 'manager' ? 'true' : 'false')
    node.close()
}
assert !log.contains('readme-pom-placeholder')
return true
