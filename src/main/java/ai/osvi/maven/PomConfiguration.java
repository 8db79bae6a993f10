package ai.osvi.maven;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the plugin's {@code <configuration>} in the pom as written, at the plugin level and in the running
 * execution, before Maven's filtering: an element that names no parameter ({@code <maxFailRatio>}) is dropped by
 * Maven without a word on 3.8 and with a generic warning on 3.9, taking its rule with it. Every version leaves the
 * pom's model as written, so the check holds on each alike.
 */
final class PomConfiguration {

    private PomConfiguration() {}

    /**
     * Refuses every element of the plugin-level or this execution's {@code <configuration>} that is a parameter of
     * neither goal (a parameter of the other goal is fine at the plugin level, which both goals read).
     */
    static void refuseUnknownElements(MavenProject project, MojoExecution execution)
            throws InvalidConfigurationException {
        if (project == null || execution == null || execution.getMojoDescriptor() == null) {
            return;
        }
        PluginDescriptor descriptor = execution.getMojoDescriptor().getPluginDescriptor();
        Plugin plugin = declared(project, execution.getGroupId(), execution.getArtifactId());
        if (descriptor == null || plugin == null) {
            return;
        }
        Set<String> known = parameterNames(descriptor);
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        check(plugin.getConfiguration(), "the plugin's <configuration>", known, problems, unknown);
        for (PluginExecution declared : plugin.getExecutions()) {
            if (declared.getId() != null && declared.getId().equals(execution.getExecutionId())) {
                check(
                        declared.getConfiguration(),
                        "the <configuration> of <execution> '" + declared.getId() + "'",
                        known,
                        problems,
                        unknown);
            }
        }
        if (problems.size() == 1) {
            throw new InvalidConfigurationException(unknown.get(0), problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(
                    String.join(", ", unknown),
                    problems.size()
                            + " elements of the pom name no parameter:" + System.lineSeparator() + "  - "
                            + String.join(System.lineSeparator() + "  - ", problems));
        }
    }

    /** Every parameter name (and alias) of every goal of the plugin, from its descriptor: never out of step. */
    static Set<String> parameterNames(PluginDescriptor descriptor) {
        Set<String> names = new TreeSet<>();
        if (descriptor.getMojos() != null) {
            for (MojoDescriptor mojo : descriptor.getMojos()) {
                if (mojo.getParameters() != null) {
                    for (Parameter parameter : mojo.getParameters()) {
                        names.add(parameter.getName());
                        if (parameter.getAlias() != null) {
                            names.add(parameter.getAlias());
                        }
                    }
                }
            }
        }
        return names;
    }

    /** The plugin as the project declares it (pluginManagement merged in), or as only pluginManagement does. */
    private static Plugin declared(MavenProject project, String groupId, String artifactId) {
        String key = groupId + ":" + artifactId;
        if (project.getBuild() == null) {
            return null;
        }
        Plugin plugin = project.getBuild().getPluginsAsMap().get(key);
        if (plugin == null && project.getBuild().getPluginManagement() != null) {
            plugin = project.getBuild().getPluginManagement().getPluginsAsMap().get(key);
        }
        return plugin;
    }

    static void check(
            Object configuration, String where, Set<String> known, List<String> problems, List<String> unknown) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            String name = child.getName();
            // Maven's model has the plugin-level configuration merged into each execution's: said once
            if (known.contains(name) || unknown.contains(name)) {
                continue;
            }
            unknown.add(name);
            problems.add("<" + name + "> in " + where + " names no parameter of osvi-maven-plugin, so Maven would"
                    + " ignore it and the gate would run without it"
                    + Spelling.closeTo(name, known)
                            .map(meant -> ": did you mean <" + meant + ">? Rename it,")
                            .orElse(". Remove it or" + " rename it after a parameter,")
                    + " as listed by 'mvn help:describe -Dplugin=ai.osvi:osvi-maven-plugin -Ddetail'.");
        }
    }
}
