import io.github.wso2cluster.testkit.LocalRepo
import io.github.wso2cluster.testkit.NestedMaven
import io.github.wso2cluster.testkit.SitePages
import io.github.wso2cluster.testkit.ZipBuilder
import java.nio.file.Path

// The distributions the pages name, by the coordinates a reader would install them under (install:install-file),
// in this IT's own local repository: the AS 5.2.1 stand-in, and WSO2's real deployment.toml products' files with
// a stand-in Hazelcast bundle (only its name matters).
File zips = new File(basedir, 'zips')
zips.mkdirs()
def install = { String groupId, String artifactId, String version, ZipBuilder zip ->
    LocalRepo.install(localRepositoryPath, groupId, artifactId, version, zip.write(new File(zips, "${artifactId}-${version}.zip").toPath()))
}
install('org.wso2.appserver', 'wso2as', '5.2.1', ZipBuilder.create().folder(new File(sampleDistribution).toPath(), 'wso2as-5.2.1'))
install('org.wso2.is', 'wso2is', '7.0.0', ZipBuilder.create().folder(new File(tomlFixtures, 'is-7.0.0').toPath(), 'wso2is-7.0.0')
        .file('wso2is-7.0.0/repository/components/plugins/hazelcast_5.3.6.wso2v1.jar', 'stand-in'.bytes, 0644))
install('org.wso2.am', 'wso2am', '4.1.0', ZipBuilder.create().folder(new File(tomlFixtures, 'apim-4.1.0').toPath(), 'wso2am-4.1.0')
        .file('wso2am-4.1.0/repository/components/plugins/hazelcast_3.12.2.wso2v1.jar', 'stand-in'.bytes, 0644))

List<Path> pages = SitePages.pages(new File(siteDirectory).toPath())
assert pages.size() >= 10 : "too few site pages under ${siteDirectory}: ${pages}"
// Credentials: the <server> elements of the settings.xml blocks the pages show, so those snippets are tested too.
String servers = SitePages.servers(pages)
assert servers.contains('<id>as-svn</id>') : 'no page shows the settings.xml server the POMs name (as-svn)'

File builds = new File(basedir, 'builds')
// The pages' passwords are encrypted as Maven encrypts them, under this master password (the one hostile-inputs uses).
File security = new File(basedir, 'settings-security.xml')
security.text = '<settingsSecurity><master>{IBse7NnDiMMH1fh0FtsGD8K5sjG9LCPbeu4tohI2LjDUQA69r1duPBj5r4b5+XJv}</master></settingsSecurity>'
def maven = new NestedMaven(mavenHome, localRepositoryPath, userLocalRepository, basedir, servers)
        .withEnvironment(['MAVEN_OPTS': "-Dsettings.security=${security.path}".toString()])
List<String> failures = []
int built = 0
// Every page's examples first: a POM without its result block fails before anything is built.
def examples = pages.collectMany { SitePages.examples(it) }
examples.each { example ->
    def page = example.page()
    File dir = new File(builds, example.id())
    dir.mkdirs()
    new File(dir, 'pom.xml').setText(example.pom(), 'UTF-8')
    if (example.pom().contains('wso2-cluster-maven-plugin') && !example.pom().contains("<version>${pluginVersion}</version>")) {
        failures << "${page}:${example.line()}: the POM does not use the plugin version being built (${pluginVersion})"
        return
    }
    def result = maven.run(dir, 'verify')
    new File(dir, 'build.log').text = result.output()
    built++
    String where = "${page}:${example.line()} (build in ${dir})"
    if ((result.exit() != 0) != example.expectsFailure()) {
        failures << "${where}: the page says the build ${example.expectsFailure() ? 'fails' : 'passes'}, it " +
                "${result.exit() == 0 ? 'passed' : 'failed'}:\n${result.output().readLines().findAll { it.startsWith('[ERROR]') || it.startsWith('[WARNING]') }.take(30).join('\n')}"
    }
    example.unmet(result.output(), dir.toPath()).each { failures << "${where}: ${it}" }
    // A reader who copies the POM sees what the page shows: a warning the page does not show is a failure too.
    result.output().readLines().findAll { it.startsWith('[WARNING]') }.each { warning ->
        if (!example.shows(warning)) {
            failures << "${where}: the build warns, the page does not say so: ${warning}"
        }
    }
}
new File(basedir, 'site-pages.txt').text = "${built} POMs built\n" + failures.join('\n')
assert failures.isEmpty() : failures.join('\n')
assert built >= 8 : "only ${built} complete POMs on the site's pages"
return true
