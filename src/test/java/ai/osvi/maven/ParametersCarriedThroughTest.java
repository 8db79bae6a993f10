package ai.osvi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.config.RawGateConfig;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every parameter a goal declares reaches the core's input under its own name, and every field of that input is
 * copied for another campaign or the simulator: a parameter forgotten on the way would vanish without a word.
 */
class ParametersCarriedThroughTest {

    /** Parameters the mojo itself uses, each for a reason of its own, rather than handing them to the core. */
    private static final Map<String, String> ADAPTER_ONLY = Map.of(
            "campaignIds", "joined with campaignId into the core's campaignId",
            "reportDirectory", "where the reports go, set up by the mojo",
            "serverId", "the settings.xml server holding the token, read by the mojo",
            "skip", "read by the mojo before anything else",
            "simulation", "chooses the simulator instead of the API, in the mojo");

    @Test
    void every_parameter_of_both_goals_should_reach_the_core_under_its_own_name() throws Exception {
        for (AbstractGateMojo mojo : List.of(new AwaitCampaignMojo(null), new CheckCampaignMojo(null))) {
            Map<String, Object> given = new TreeMap<>();
            for (Field field : parameters(mojo.getClass())) {
                Object value = field.getType() == List.class
                        ? new ArrayList<>(List.of("value of " + field.getName()))
                        : field.getType() == File.class
                                ? new File("value-of-" + field.getName())
                                : "value of " + field.getName();
                field.setAccessible(true);
                field.set(mojo, value);
                given.put(field.getName(), value);
            }
            RawGateConfig raw = mojo.rawConfig();
            mojo.configure(raw);

            TreeSet<String> notCarried = new TreeSet<>();
            for (Map.Entry<String, Object> parameter : given.entrySet()) {
                if (ADAPTER_ONLY.containsKey(parameter.getKey())
                        || parameter.getKey().equals("campaignId")) {
                    continue;
                }
                Field target = rawField(parameter.getKey());
                Object carried = target == null ? null : target.get(raw);
                if (!parameter.getValue().equals(carried)) {
                    notCarried.add(parameter.getKey() + " (got " + carried + ")");
                }
            }
            assertThat(notCarried)
                    .as(
                            "parameters of %s not carried to RawGateConfig",
                            mojo.getClass().getSimpleName())
                    .isEmpty();
            assertThat(raw.campaignId).isEqualTo("value of campaignId,value of campaignIds");
        }
    }

    @Test
    void every_field_of_the_core_input_should_be_a_parameter_of_a_goal() {
        TreeSet<String> declared = new TreeSet<>();
        parameters(AwaitCampaignMojo.class).forEach(field -> declared.add(field.getName()));
        parameters(CheckCampaignMojo.class).forEach(field -> declared.add(field.getName()));
        TreeSet<String> orphans = new TreeSet<>();
        for (Field field : RawGateConfig.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !declared.contains(field.getName())) {
                orphans.add(field.getName());
            }
        }
        assertThat(orphans).as("RawGateConfig fields no goal sets").isEmpty();
    }

    @Test
    void every_campaign_of_a_list_should_get_every_other_value() throws Exception {
        RawGateConfig raw = new RawGateConfig();
        raw.campaignId = "7,8";
        raw.baseUrl = "http://127.0.0.1:1/";
        raw.maxFailureRatio = "5%";
        raw.uploadId = "3";
        raw.timeout = "7m";
        raw.failFast = "true";
        raw.onTimeout = "evaluate";

        List<GateConfig> campaigns = GateConfig.parseAll(raw);

        assertThat(campaigns).hasSize(2);
        assertThat(campaigns.get(1).campaignId()).isEqualTo(8);
        assertThat(campaigns.get(1)).isEqualTo(campaigns.get(0).forCampaign(8));
        assertThat(campaigns.get(1).polling()).isEqualTo(campaigns.get(0).polling());
        assertThat(campaigns.get(1).judging()).isEqualTo(campaigns.get(0).judging());
        assertThat(campaigns.get(1).policies()).isEqualTo(campaigns.get(0).policies());
        assertThat(campaigns.get(1).uploadId()).isEqualTo(campaigns.get(0).uploadId());
    }

    /**
     * The goal's parameters as Maven sees them, from the plugin descriptor the build generated (the annotations are
     * not kept at run time), each as the field of {@code type} (or a superclass) it sets.
     */
    private static List<Field> parameters(Class<? extends AbstractGateMojo> type) {
        String goal = type == AwaitCampaignMojo.class ? "await-campaign" : "check-campaign";
        List<Field> fields = new ArrayList<>();
        try {
            Element plugin = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new File("target/classes/META-INF/maven/plugin.xml"))
                    .getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (!mojo.getElementsByTagName("goal").item(0).getTextContent().equals(goal)) {
                    continue;
                }
                NodeList parameters = mojo.getElementsByTagName("parameter");
                for (int j = 0; j < parameters.getLength(); j++) {
                    String name = ((Element) parameters.item(j))
                            .getElementsByTagName("name")
                            .item(0)
                            .getTextContent();
                    Field field = field(type, name);
                    // Maven's own objects (the project, the session, the execution) are injected, not configured
                    if (field.getType() == String.class
                            || field.getType() == List.class
                            || field.getType() == File.class) {
                        fields.add(field);
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the plugin descriptor", e);
        }
        assertThat(fields).as("parameters of %s in plugin.xml", goal).hasSizeGreaterThan(20);
        return fields;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }

    private static Field rawField(String name) {
        try {
            return RawGateConfig.class.getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
