import io.github.wso2cluster.testkit.ZipBuilder
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermission

File tree = new File(basedir, 'target/wso2-cluster/distribution/wso2as-5.2.1')
assert tree.isDirectory()
File script = new File(tree, 'bin/wso2server.sh')
def perms = Files.getPosixFilePermissions(script.toPath())
assert perms.contains(PosixFilePermission.OWNER_EXECUTE) && perms.contains(PosixFilePermission.GROUP_EXECUTE) && perms.contains(PosixFilePermission.OTHERS_EXECUTE) : "bin/wso2server.sh lost its 755 mode: ${perms}"
assert !Files.getPosixFilePermissions(new File(tree, 'README.txt').toPath()).contains(PosixFilePermission.OWNER_EXECUTE)
assert Math.abs(script.lastModified() - ZipBuilder.FIXED_TIME) < 2000 : "time not kept: ${new Date(script.lastModified())}"

assert !new File(tree, 'only-in-a.txt').exists() : 'a file of the old distribution survived the new one'
assert new File(tree, 'only-in-b.txt').text == 'fresh'
assert new File(tree, 'repository/conf/axis2/axis2.xml').text.contains('<clustering')

String log = new File(basedir, 'build.log').text
assert log.contains('already unpacked') : 'the third build (same bytes) should have done nothing'
assert !new File(basedir, 'target/wso2-cluster').listFiles().any { it.name.contains('.tmp-') || it.name.contains('.old-') } : 'a staging tree (the killed build\'s, or this one\'s) was left behind'
return true
