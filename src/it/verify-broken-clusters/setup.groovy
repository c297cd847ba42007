import io.github.wso2cluster.testkit.TestClusters
import java.nio.file.Files
import java.nio.file.Path

Path good = new File(basedir, 'good').toPath()
TestClusters.referenceZips(new File(sampleDistribution).toPath(), good)

def AXIS2 = 'repository/conf/axis2/axis2.xml'
def CARBON = 'repository/conf/carbon.xml'
def CATALINA = 'repository/conf/tomcat/catalina-server.xml'
def broken = [
    'domain-mismatch'    : { dir -> TestClusters.editEntry(dir.resolve('cluster-worker2.zip'), AXIS2, { it.replace('>wso2.as.domain<', '>wso2.as.other<') }) },
    'clustering-disabled': { dir -> TestClusters.editEntry(dir.resolve('cluster-worker1.zip'), AXIS2, { it.replace('enable="true">', 'enable="false">') }) },
    'member-port-typo'   : { dir -> ['manager', 'worker1', 'worker2'].each { id -> TestClusters.editEntry(dir.resolve("cluster-${id}.zip".toString()), AXIS2, { it.replace('<port>4200</port>', '<port>4201</port>') }) } },
    'worker-commits'     : { dir -> TestClusters.editEntry(dir.resolve('cluster-worker2.zip'), CARBON, { it.replace('<AutoCommit>false</AutoCommit>', '<AutoCommit>true</AutoCommit>') }) },
    'proxy-port-missing' : { dir -> TestClusters.editEntry(dir.resolve('cluster-manager.zip'), CATALINA, { it.replace('proxyPort="443"', '') }) },
    'loopback-host'      : { dir -> TestClusters.editEntry(dir.resolve('cluster-worker1.zip'), AXIS2, { it.replace('<parameter name="localMemberHost">10.0.0.3<', '<parameter name="localMemberHost">127.0.0.1<') }) },
]
broken.each { name, breakIt ->
    Path dir = new File(basedir, "broken/${name}").toPath()
    Files.createDirectories(dir)
    ['manager', 'worker1', 'worker2'].each { id -> Files.copy(good.resolve("cluster-${id}.zip".toString()), dir.resolve("cluster-${id}.zip".toString())) }
    breakIt(dir)
}
return true
