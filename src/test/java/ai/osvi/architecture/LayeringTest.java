package ai.osvi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.Gate;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gate's core ({@code ai.osvi.gate} and below) knows no Maven type and never reaches into the Maven adapter
 * ({@code ai.osvi.maven}), and no class or package of the plugin depends on itself through others: a class scan of
 * the compiled code, looking for type names in each class file's constant pool, where every type a class uses is
 * named.
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
        Path adapter = classesOf(Gate.class).getParent().resolve("maven").resolve("GateParameters.class");
        assertThat(new String(Files.readAllBytes(adapter), StandardCharsets.ISO_8859_1))
                .contains("org/apache/maven/plugin/AbstractMojo", "ai/osvi/gate/");
    }

    @Test
    void no_package_should_depend_on_itself_through_others() throws Exception {
        Map<String, Set<String>> packages = new TreeMap<>();
        dependencies().forEach((type, uses) -> uses.forEach(used -> {
            if (!packageOf(type).equals(packageOf(used))) {
                packages.computeIfAbsent(packageOf(type), p -> new TreeSet<>()).add(packageOf(used));
            }
        }));
        assertThat(packages).as("packages found").hasSizeGreaterThan(8);

        assertThat(cycles(packages)).as("package cycles").isEmpty();
    }

    @Test
    void no_class_should_depend_on_itself_through_others() throws Exception {
        Map<String, Set<String>> classes = dependencies();
        assertThat(classes).as("classes found").hasSizeGreaterThan(60);

        assertThat(cycles(classes)).as("class cycles (a nested class counts as its top-level class)").isEmpty();
    }

    @Test
    void the_cycle_search_should_find_a_cycle_where_there_is_one() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));

        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    /** For each top-level class of the plugin, the plugin's other top-level classes it names. */
    private static Map<String, Set<String>> dependencies() throws Exception {
        Path root = Path.of(Gate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Pattern typeName = Pattern.compile("ai/osvi/[a-z0-9_/]*[A-Z][A-Za-z0-9_]*");
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("ai/osvi"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String type = topLevel(root.relativize(file).toString().replace('\\', '/').replace(".class", ""));
                Set<String> uses = dependencies.computeIfAbsent(type, t -> new TreeSet<>());
                Matcher named = typeName.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (named.find()) {
                    String used = topLevel(named.group());
                    if (!used.equals(type)) {
                        uses.add(used);
                    }
                }
            }
        }
        return dependencies;
    }

    private static String topLevel(String binaryName) {
        int nested = binaryName.indexOf('$');
        return nested < 0 ? binaryName : binaryName.substring(0, nested);
    }

    private static String packageOf(String type) {
        return type.substring(0, type.lastIndexOf('/'));
    }

    /** The strongly connected groups of more than one node (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> group = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                cycles.add(group.stream().sorted().toList());
            }
        }
    }

    /** The folder of compiled classes of {@code type}'s package. */
    private static Path classesOf(Class<?> type) throws URISyntaxException, IOException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(type.getPackageName().replace('.', '/'));
    }
}
