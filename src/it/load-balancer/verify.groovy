import io.github.wso2cluster.testkit.NodeZip

String log = new File(basedir, 'build.log').text
File conf = new File(basedir, 'target/wso2-cluster/nginx/wso2-cluster.conf')
assert conf.isFile()
assert conf.text.contains('# sessionAffinity: route')
assert conf.text.contains('    ssl_certificate /etc/nginx/ssl/as.crt;')
// Attached and installed beside the node zips.
File installed = new File(localRepositoryPath, 'io/github/wso2cluster/it/load-balancer/1.0/load-balancer-1.0-nginx.conf')
assert installed.isFile() && installed.text == conf.text : "not installed: ${installed}"
assert log.contains("Load balancer: ${conf.path} (route session affinity); put it in nginx's conf.d/")

['manager', 'worker1', 'worker2'].each { id ->
    def node = NodeZip.open(new File(basedir, "target/load-balancer-1.0-${id}.zip"))
    try {
        assert node.attribute('repository/conf/tomcat/catalina-server.xml', '/Server/Service/Engine', 'jvmRoute') == id
    } finally {
        node.close()
    }
}

String junit = new File(basedir, 'target/wso2-cluster/TEST-wso2-cluster.xml').text
assert junit.contains('classname="wso2-cluster.worker1" name="load-balancer" time="0"/>') : 'the static check ran and passed'
boolean nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].any { new File(it).canExecute() } ||
        System.getenv('PATH').split(':').any { new File(it, 'nginx').canExecute() }
if (nginx) {
    assert junit.contains('classname="wso2-cluster.worker1" name="live-load-balancer" time="0"/>') : junit
    def matcher = log =~ /live-load-balancer: (\d+) requests through a private nginx in ([0-9.]+) s: every request reached the nodes it should/
    assert matcher.find() : 'the live routing check passed'
    println "live load balancer: ${matcher.group(1)} requests in ${matcher.group(2)} s"
    assert Double.parseDouble(matcher.group(2)) < 5
    // nginx was stopped: its pid file names no live process.
    File pid = new File(basedir, 'target/wso2-cluster/live-nginx/nginx.pid')
    if (pid.isFile()) {
        assert !ProcessHandle.of(Long.parseLong(pid.text.trim())).map { it.isAlive() }.orElse(false)
    }
} else {
    assert junit.contains('name="live-load-balancer" time="0">\n    <skipped message="not applicable: no nginx binary on the PATH')
}
assert log.contains('live: cluster of 3 formed in')
return true
