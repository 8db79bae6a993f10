package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.junit.jupiter.api.Test;

/** Which -Dosvi.* properties the goal refuses: typos and tokens, not properties of someone else. */
class CommandLinePropertiesTest {

    /** Fields named as the parameters, holding what Maven set. */
    static final class Configured {
        String maxFailureRatio = "5%";
        String onError = "fail";
        boolean skip;
    }

    private static List<String> problems(String property, String value) throws Exception {
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal("await-campaign");
        for (String name : List.of("maxFailureRatio", "onError", "skip")) {
            Parameter parameter = new Parameter();
            parameter.setName(name);
            parameter.setExpression("${osvi." + name + "}");
            descriptor.addParameter(parameter);
        }
        Properties properties = new Properties();
        properties.setProperty(property, value);
        return CommandLineProperties.problems(properties, descriptor, new Configured());
    }

    @Test
    void a_typo_close_to_a_parameter_should_be_refused_with_the_parameter_meant() throws Exception {
        assertThat(problems("osvi.maxFailRatio", "5%"))
                .singleElement()
                .asString()
                .contains("-Dosvi.maxFailRatio names no parameter", "did you mean osvi.maxFailureRatio?");
        assertThat(problems("osvi.onerror", "warn")).singleElement().asString().contains("did you mean osvi.onError?");
    }

    @Test
    void a_property_far_from_every_parameter_should_be_left_alone() throws Exception {
        assertThat(problems("osvi.version", "2.1.0")).isEmpty();
        assertThat(problems("osvi.env", "staging")).isEmpty();
    }

    @Test
    void a_property_that_looks_like_a_token_should_be_refused_without_its_value() throws Exception {
        for (String property : List.of("osvi.token", "osvi.apiToken", "osvi.api_token", "osvi.password")) {
            assertThat(problems(property, "s3cr3tValue"))
                    .singleElement()
                    .asString()
                    .contains("-D" + property + " is never read", "settings.xml", "OSVI_API_TOKEN")
                    .doesNotContain("s3cr3tValue", "did you mean");
        }
    }

    private static List<String> replaced(String given, String pom) {
        MojoDescriptor descriptor = new MojoDescriptor();
        for (String name : List.of("thresholds", "maxFailureRatio")) {
            Parameter parameter = new Parameter();
            parameter.setName(name);
            parameter.setExpression("${osvi." + name + "}");
            try {
                descriptor.addParameter(parameter);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Properties user = new Properties();
        user.setProperty("osvi.thresholds", given);
        user.setProperty("osvi.maxFailureRatio", "10%");
        Properties project = new Properties();
        project.setProperty("osvi.maxFailureRatio", "5%");
        if (pom != null) {
            project.setProperty("osvi.thresholds", pom);
        }
        return CommandLineProperties.replacedLists(user, project, descriptor);
    }

    @Test
    void a_list_that_replaces_the_poms_list_should_say_so_naming_what_it_replaced() {
        assertThat(replaced("picked>=50%", "failed<=5%,picked>=60%"))
                .containsExactly("-Dosvi.thresholds=picked>=50%"
                        + " replaces the pom's osvi.thresholds (failed<=5%, picked>=60%): thresholds is now picked>=50% alone."
                        + " To keep the pom's entries, list them in -Dosvi.thresholds too.");
    }

    @Test
    void a_list_equal_to_the_poms_or_without_one_in_the_pom_should_say_nothing() {
        assertThat(replaced("failed<=5%, picked>=60%", "failed<=5%,picked>=60%"))
                .isEmpty();
        assertThat(replaced("picked>=50%", null)).isEmpty();
    }
}
