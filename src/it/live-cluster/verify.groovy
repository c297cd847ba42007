import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.TestClusters
import java.nio.file.Files

def runs = new File(basedir, 'build.log').text.split('Scanning for projects')
assert runs.length == 3
// Carbon 4.2: Hazelcast 3.0.1; Carbon 4.4: its 3.5.0 runs as 3.5.5 (the first 3.5 that runs on Java 17).
assert runs[1].contains('live: starting 3 Hazelcast hazelcast-3.0.1.jar members on loopback') : runs[1]
assert runs[2].contains('live: starting 3 Hazelcast hazelcast-3.5.5.jar members on loopback') : runs[2]
[1, 2].each { i ->
    def matcher = runs[i] =~ /live: cluster of 3 formed in ([0-9.]+) s/
    assert matcher.find() : runs[i]
    println "live check, run ${i}: cluster of 3 formed in ${matcher.group(1)} s"
}
['target', 'target-44'].each { dir ->
    String text = new File(basedir, "${dir}/wso2-cluster/verify-cluster.txt").text
    assert text.contains('verify-cluster: 3 nodes, 13 checks: 0 errors, 0 warnings') && text.contains('live: cluster of 3 formed in') : text
    String junit = new File(basedir, "${dir}/wso2-cluster/TEST-wso2-cluster.xml").text
    assert junit.contains('tests="66" failures="0"') && junit.contains('name="live-cluster"') : junit
    // No shared datasource: the live database check says why it did not run, as a skipped case.
    assert text.contains('live-database: skipped, no shared datasource') : text
    assert junit.contains('name="live-database" time="0">\n    <skipped message="not applicable: no shared datasource') : junit
}

// Broken copies of the Carbon 4.4 nodes, checked without a POM.
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir)
def AXIS2 = 'repository/conf/axis2/axis2.xml'
def cases = [
    'nowhere': [{ dir -> TestClusters.editEntry(dir.resolve('live-cluster-1.0-worker2.zip'), AXIS2, { it.replace('<port>4100</port>', '<port>4999</port>').replace('<port>4200</port>', '<port>4998</port>') }) },
                ["live: no single cluster of 3", "manager, worker1 | worker2",
                 "node 'worker2'", "[live-cluster] could not join manager, worker1: it joined no other node",
                 "10.0.0.2:4999 (no node), 10.0.0.3:4998 (no node)"]],
    'domains': [{ dir -> ['worker1', 'worker2'].each { id -> TestClusters.editEntry(dir.resolve("live-cluster-1.0-${id}.zip".toString()), AXIS2, { it.replace('>wso2.as.domain<', '>wso2.as.other<') }) } },
                ["live: no single cluster of 3", "worker1, worker2 | manager", "[domain]"]],
]
cases.each { name, spec ->
    def dir = new File(basedir, "broken/${name}").toPath()
    Files.createDirectories(dir)
    ['manager', 'worker1', 'worker2'].each { id ->
        Files.copy(new File(basedir, "target-44/live-cluster-1.0-${id}.zip").toPath(), dir.resolve("live-cluster-1.0-${id}.zip".toString()))
    }
    spec[0](dir)
    def result = maven.run(dir.toFile(), "io.github.wso2cluster:wso2-cluster-maven-plugin:${pluginVersion}:verify-cluster".toString(),
            '-Dwso2-cluster.live=true', '-Dwso2-cluster.liveTimeout=45',
            '-Dwso2-cluster.archives=live-cluster-1.0-manager.zip,live-cluster-1.0-worker1.zip,live-cluster-1.0-worker2.zip')
    new File(basedir, "broken-${name}.log").text = result.output()
    assert result.exit() != 0 : "${name} passed:\n${result.output()}"
    spec[1].each { assert result.output().contains(it) : "${name}: no '${it}' in\n${result.output()}" }
    assert new File(dir.toFile(), 'target/wso2-cluster/TEST-wso2-cluster.xml').text.contains('name="live-cluster"')
}
return true
