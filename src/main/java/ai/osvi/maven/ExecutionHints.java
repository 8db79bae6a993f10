package ai.osvi.maven;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;

/** What a gate's error adds about the pom's executions: the way out that the pom's own shape calls for. */
final class ExecutionHints {

    private ExecutionHints() {}

    /**
     * " This pom configures rules in <execution> 'campaign-gate'...": when Maven runs the goal from the command line
     * (execution default-cli), rules configured inside an execution of the pom are not used.
     */
    static String unusedExecutionRules(MavenProject project, MojoExecution mojoExecution) {
        if (project == null || mojoExecution == null || !"default-cli".equals(mojoExecution.getExecutionId())) {
            return "";
        }
        Plugin plugin = project.getPlugin(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
        List<String> ids = new ArrayList<>();
        if (plugin != null) {
            for (PluginExecution execution : plugin.getExecutions()) {
                // the configuration is a DOM whose text form is its XML
                String configuration = String.valueOf(execution.getConfiguration());
                if (configuration.contains("<maxFailureRatio")
                        || configuration.contains("<thresholds")
                        || configuration.contains("<completionOnly")) {
                    ids.add(execution.getId());
                }
            }
        }
        return ids.isEmpty()
                ? ""
                : " This pom configures rules in <execution> '" + String.join("', '", ids)
                        + "', which 'mvn osvi:" + mojoExecution.getGoal() + "' does not use: run 'mvn osvi:"
                        + mojoExecution.getGoal() + "@" + ids.get(0)
                        + "', or move that configuration to the plugin level.";
    }

    /**
     * " This gate is bound to the build...": a missing campaign in an execution of the pom (not the command line) is
     * what a teammate's plain {@code mvn verify} meets; the message names the ways out. It stays an error: a release
     * job that forgets the id must not pass.
     */
    static String boundWithoutCampaign(
            InvalidConfigurationException e, MavenProject project, MojoExecution mojoExecution) {
        if (mojoExecution == null
                || "default-cli".equals(mojoExecution.getExecutionId())
                || !e.getMessage().contains("Missing " + Values.label("campaignId"))) {
            return "";
        }
        String goal = mojoExecution.getGoal();
        String profiles = project == null
                ? ""
                : String.join(
                        ", ",
                        project.getActiveProfiles().stream()
                                .filter(profile -> profile.getBuild() != null
                                        && profile.getBuild().getPlugins().stream()
                                                .anyMatch(plugin ->
                                                        plugin.getArtifactId().equals(mojoExecution.getArtifactId())))
                                .map(profile -> "'" + profile.getId() + "'")
                                .toList());
        return System.lineSeparator() + "This gate is bound to the build (<execution> '"
                + mojoExecution.getExecutionId() + "'"
                + (mojoExecution.getLifecyclePhase() == null ? "" : ", phase " + mojoExecution.getLifecyclePhase())
                + (profiles.isEmpty() ? "" : ", from the profile " + profiles + " turned on in this build")
                + "), so this build runs it. In the release job, give the campaign: -Dosvi.campaignId=<id>."
                + " Elsewhere, keep the gate out of the build: "
                + (profiles.isEmpty()
                        ? "move the <execution> into a profile that only the CI job turns on (-P),"
                        : "leave the profile " + profiles + " off,")
                + " or skip it with -Dosvi.skip=true; or remove the <execution> and run the gate from the command"
                + " line only: mvn osvi:" + goal + " -Dosvi.campaignId=<id>.";
    }

    /**
     * In a parent whose bound execution its modules inherit, once (the parent gates first): what the build will do,
     * and how to gate in one place. {@code ""} otherwise.
     */
    static String inheritedByModules(MavenProject project, MojoExecution mojoExecution, List<MavenProject> projects) {
        if (project == null
                || mojoExecution == null
                || projects == null
                || "default-cli".equals(mojoExecution.getExecutionId())) {
            return "";
        }
        Plugin plugin = project.getPlugin(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
        PluginExecution execution =
                plugin == null ? null : plugin.getExecutionsAsMap().get(mojoExecution.getExecutionId());
        if (execution == null || !execution.isInherited()) {
            return "";
        }
        List<String> modules = new ArrayList<>();
        for (MavenProject other : projects) {
            for (MavenProject parent = other.getParent(); parent != null; parent = parent.getParent()) {
                if (parent.getId().equals(project.getId())) {
                    modules.add(other.getArtifactId());
                    break;
                }
            }
        }
        if (modules.isEmpty()) {
            return "";
        }
        return "The <execution> '" + execution.getId() + "' of " + project.getArtifactId() + " is inherited by "
                + String.join(", ", modules) + ", so it runs " + (modules.size() + 1) + " times in this build, the"
                + " first before any module is built; a campaign one of them judged is reused by the others, without a"
                + " second wait. To gate once, mark it <inherited>false</inherited> in " + project.getArtifactId()
                + ": <execution><id>" + execution.getId() + "</id><inherited>false</inherited>...</execution>.";
    }
}
