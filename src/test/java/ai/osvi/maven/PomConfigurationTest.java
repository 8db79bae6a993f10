package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.osvi.gate.config.InvalidConfigurationException;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Elements of the pom's plugin configuration that name no parameter are refused, not dropped as Maven drops them. */
class PomConfigurationTest {

    private final PluginDescriptor plugin = new PluginDescriptor();
    private final Plugin declared = new Plugin();
    private final MavenProject project;

    PomConfigurationTest() throws Exception {
        plugin.setGroupId("ai.osvi");
        plugin.setArtifactId("osvi-maven-plugin");
        plugin.addMojo(goal("await-campaign", "maxFailureRatio", "failBuild", "thresholds"));
        plugin.addMojo(goal("check-campaign", "maxFailureRatio", "failBuild", "thresholds", "maxCampaignAge"));
        declared.setGroupId("ai.osvi");
        declared.setArtifactId("osvi-maven-plugin");
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(declared);
        project = new MavenProject(model);
    }

    private MojoDescriptor goal(String name, String... parameters) throws Exception {
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal(name);
        mojo.setPluginDescriptor(plugin);
        for (String parameterName : parameters) {
            Parameter parameter = new Parameter();
            parameter.setName(parameterName);
            mojo.addParameter(parameter);
        }
        return mojo;
    }

    private static Xpp3Dom configuration(String... elements) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (String element : elements) {
            Xpp3Dom child = new Xpp3Dom(element);
            child.setValue("5%");
            configuration.addChild(child);
        }
        return configuration;
    }

    private MojoExecution execution(String goal, String id) {
        MojoDescriptor mojo = plugin.getMojo(goal);
        return new MojoExecution(mojo, id);
    }

    private void addExecution(String id, Xpp3Dom configuration) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setConfiguration(configuration);
        declared.addExecution(execution);
    }

    @Test
    void a_misspelt_element_at_the_plugin_level_should_be_refused_with_the_parameter_meant() {
        declared.setConfiguration(configuration("thresholds", "maxFailRatio"));
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "default")));
        assertThat(e.parameter()).isEqualTo("maxFailRatio");
        assertThat(e)
                .hasMessage("<maxFailRatio> in the plugin's <configuration> names no parameter of"
                        + " osvi-maven-plugin, so Maven would ignore it and the gate would run without it: did you mean"
                        + " <maxFailureRatio>? Rename it, as listed by 'mvn help:describe -Dplugin=ai.osvi:osvi-maven-plugin"
                        + " -Ddetail'.");
    }

    @Test
    void a_misspelt_element_in_the_running_execution_should_be_refused_naming_the_execution() {
        addExecution("release-gate", configuration("maxFailureRatio", "FailBuild"));
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "release-gate")));
        assertThat(e)
                .hasMessageStartingWith(
                        "<FailBuild> in the <configuration> of <execution> 'release-gate' names" + " no parameter")
                .hasMessageContaining("did you mean <failBuild>?");
    }

    @Test
    void an_element_far_from_every_parameter_should_be_refused_without_a_guess() {
        declared.setConfiguration(configuration("colour"));
        assertThat(catchThrowableOfType(
                        InvalidConfigurationException.class,
                        () -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "default"))))
                .hasMessageContaining("<colour> in the plugin's <configuration> names no parameter")
                .hasMessageContaining("Remove it or rename it after a parameter")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void several_unknown_elements_should_all_be_named_at_once() {
        declared.setConfiguration(configuration("maxFailRatio"));
        addExecution("gate", configuration("thresold"));
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "gate")));
        assertThat(e.parameter()).isEqualTo("maxFailRatio, thresold");
        assertThat(e).hasMessageStartingWith("2 elements of the pom name no parameter:");
    }

    @Test
    void a_parameter_of_the_other_goal_at_the_plugin_level_should_be_allowed() {
        declared.setConfiguration(configuration("maxCampaignAge", "maxFailureRatio"));
        assertThatCode(() -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "default")))
                .doesNotThrowAnyException();
    }

    @Test
    void another_executions_configuration_should_be_left_to_that_execution() {
        addExecution("other", configuration("maxFailRatio"));
        assertThatCode(() -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "gate")))
                .doesNotThrowAnyException();
        assertThat(PomConfiguration.parameterNames(plugin))
                .containsExactly("failBuild", "maxCampaignAge", "maxFailureRatio", "thresholds");
    }

    @Test
    void a_plugin_only_in_pluginManagement_should_be_checked_too() {
        project.getBuild().getPlugins().clear();
        project.getBuild().setPluginManagement(new PluginManagement());
        project.getBuild().getPluginManagement().addPlugin(declared);
        declared.setConfiguration(configuration("maxFailRatio"));
        assertThat(catchThrowableOfType(
                        InvalidConfigurationException.class,
                        () -> PomConfiguration.refuseUnknownElements(
                                project, execution("await-campaign", "default-cli"))))
                .hasMessageContaining("did you mean <maxFailureRatio>?");
    }

    @Test
    void an_element_of_the_plugin_level_merged_into_the_execution_should_be_named_once() {
        declared.setConfiguration(configuration("maxFailRatio"));
        addExecution("gate", configuration("maxFailRatio", "thresholds"));
        InvalidConfigurationException e = catchThrowableOfType(
                InvalidConfigurationException.class,
                () -> PomConfiguration.refuseUnknownElements(project, execution("await-campaign", "gate")));
        assertThat(e.parameter()).isEqualTo("maxFailRatio");
        assertThat(e).hasMessageStartingWith("<maxFailRatio> in the plugin's <configuration>");
    }
}
