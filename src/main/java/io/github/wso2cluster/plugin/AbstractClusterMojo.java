package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal of the plugin shares: the project, and {@code skip} honoured before anything else runs. */
abstract class AbstractClusterMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips the goal.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.SKIP, defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (" + UserProperties.SKIP + "=true).");
            return;
        }
        run();
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;
}
