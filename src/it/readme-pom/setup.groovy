import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.ZipBuilder

// The README's complete POM, verbatim: the README cannot drift from what builds.
String readme = new File(readmeFile).getText('UTF-8')
def block = readme =~ /(?s)## A complete POM\n.*?```xml\n(.*?)\n```/
assert block.find() : 'README.md has no "A complete POM" xml block'
new File(basedir, 'pom.xml').setText(block.group(1) + '\n', 'UTF-8')

// The WSO2 zip, put into the local repository with the README's own command (its coordinates must be the POM's).
File zip = new File(basedir, 'wso2as-5.2.1.zip')
ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1').write(zip.toPath())
def command = readme =~ /(?m)^mvn install:install-file (.*)$/
assert command.find() : 'README.md has no "mvn install:install-file" line'
List<String> args = command.group(1).trim().split(/\s+/).collect { it.startsWith('-Dfile=') ? "-Dfile=${zip}".toString() : it }
assert args.containsAll(['-DgroupId=org.wso2.appserver', '-DartifactId=wso2as', '-Dversion=5.2.1', '-Dpackaging=zip'])
assert block.group(1).contains('<groupId>org.wso2.appserver</groupId>') && block.group(1).contains('<artifactId>wso2as</artifactId>')
// The short goal needs the plugin's prefix resolved online; the pinned one is the same goal, offline.
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir)
def result = maven.run(basedir, (['org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file'] + args) as String[])
new File(basedir, 'install-file.log').text = result.output()
assert result.exit() == 0 : result.output()
return true
