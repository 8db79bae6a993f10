package ai.osvi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.Gate;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gate's core ({@code ai.osvi.gate} and below) knows no Maven type and never reaches into the Maven adapter
 * ({@code ai.osvi.maven}): a class scan of the compiled core, looking for those names in each class file's constant
 * pool, where every type a class uses is named.
 */
class LayeringTest {

    private static final List<String> FORBIDDEN = List.of("org/apache/maven/", "org/codehaus/plexus/", "ai/osvi/maven/");

    @Test
    void the_core_should_use_no_maven_type_and_nothing_of_the_maven_adapter() throws Exception {
        Path core = classesOf(Gate.class);
        List<Path> classes;
        try (Stream<Path> files = Files.walk(core)) {
            classes = files.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("core classes found").hasSizeGreaterThan(30);
        for (Path file : classes) {
            String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String forbidden : FORBIDDEN) {
                assertThat(constants).as("%s uses %s", core.relativize(file), forbidden).doesNotContain(forbidden);
            }
        }
    }

    @Test
    void the_scan_should_see_a_maven_type_where_there_is_one() throws Exception {
        Path adapter = classesOf(Gate.class).getParent().resolve("maven").resolve("AbstractGateMojo.class");
        assertThat(new String(Files.readAllBytes(adapter), StandardCharsets.ISO_8859_1))
                .contains("org/apache/maven/plugin/AbstractMojo", "ai/osvi/gate/");
    }

    /** The folder of compiled classes of {@code type}'s package. */
    private static Path classesOf(Class<?> type) throws URISyntaxException, IOException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(type.getPackageName().replace('.', '/'));
    }
}
