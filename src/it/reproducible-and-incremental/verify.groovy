import io.github.wso2cluster.output.Digests
import io.github.wso2cluster.testkit.NodeZip

def zip = { String dir, String id -> new File(basedir, "${dir}/reproducible-and-incremental-1.0-${id}.zip") }
def sha = { File f -> Digests.sha256(f.toPath()) }

// One log section per invocation.
def runs = new File(basedir, 'build.log').text.split('Scanning for projects')
assert runs.length == 6 : "expected 5 invocations, found ${runs.length - 1}"

// Two clean builds in different time zones: the same bytes.
['manager', 'worker1'].each { id ->
    assert sha(zip('target-tokyo', id)) == sha(zip('target-la', id)) : "${id}: time zone changed the bytes"
}
// 3: nothing changed, nothing done.
assert runs[3].contains('already unpacked') : runs[3]
assert runs[3].contains('All 3 node zips are up to date') : runs[3]
assert !runs[3].contains("Node 'manager' (")
// 4: only worker2 rebuilt ...
assert runs[4].contains("Node 'worker2' (worker, member 10.0.0.4:4000, subDomain worker, HTTP 9766, HTTPS 9446)") : runs[4]
assert !runs[4].contains("Node 'manager' (") && !runs[4].contains("Node 'worker1' (") : runs[4]
assert runs[4].contains('already unpacked')
// ... and the incremental result equals a clean build of the same inputs, byte for byte.
['manager', 'worker1', 'worker2'].each { id ->
    assert sha(zip('target-tokyo', id)) == sha(zip('target-fresh', id)) : "${id}: incremental and clean builds differ"
}
assert new File(basedir, 'target-tokyo/wso2-cluster/cluster.json').bytes == new File(basedir, 'target-fresh/wso2-cluster/cluster.json').bytes
assert new File(basedir, 'target-la/wso2-cluster/cluster.json').text != new File(basedir, 'target-tokyo/wso2-cluster/cluster.json').text

// Raw copies: stored and deflated entries keep their compressed bytes.
def node = NodeZip.open(zip('target-la', 'worker1'))
def stock = NodeZip.open(new File(basedir, 'wso2as-5.2.1.zip'))
['repository/components/plugins/stored.jar', 'bin/wso2server.sh', 'repository/conf/datasources/master-datasources.xml'].each { p ->
    assert node.raw(p) == stock.raw(p) : "${p}: compressed bytes changed"
    assert node.entry(p).method == stock.entry(p).method
}
assert node.entry('repository/components/plugins/stored.jar').method == 0 : 'STORED stays STORED'
return true
