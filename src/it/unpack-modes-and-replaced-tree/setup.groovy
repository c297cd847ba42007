import io.github.wso2cluster.testkit.ZipBuilder
import java.nio.file.Path

Path sample = new File(sampleDistribution).toPath()
ZipBuilder.create().folder(sample, 'wso2as-5.2.1')
        .file('wso2as-5.2.1/only-in-a.txt', 'stale after dist-b')
        .write(new File(basedir, 'dist-a.zip').toPath())
ZipBuilder.create().folder(sample, 'wso2as-5.2.1')
        .file('wso2as-5.2.1/only-in-b.txt', 'fresh')
        .write(new File(basedir, 'dist-b.zip').toPath())
// What a killed unpack leaves (kill -9 in the middle): a fresh staging tree, which the next build removes.
File killed = new File(basedir, 'target/wso2-cluster/distribution.tmp-killed/wso2as-5.2.1/bin')
killed.mkdirs()
new File(killed, 'half-written.sh').text = 'partial'
return true
