package ai.osvi.it;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/**
 * Used by the integration tests' {@code prebuild.groovy}: starts the plugin's own simulator in the invoker's JVM
 * and points the forked Maven build at it through the project's {@code .mvn/maven.config}.
 */
public final class ItSimulator {

    private ItSimulator() {
    }

    /**
     * @param scenario a built-in scenario name or a file name relative to {@code basedir}
     * @param token    the only token the simulator accepts
     */
    public static SimulatorServer start(File basedir, Map<String, Object> context, String scenario, String token)
            throws Exception {
        File file = new File(basedir, scenario);
        SimulatorServer simulator = SimulatorServer.start(Scenario.load(file.isFile() ? file.getPath() : scenario),
                token);
        context.put("simulator", simulator);
        context.put("simulatorToken", token);
        context.put("basedir", basedir);
        File config = new File(basedir, ".mvn/maven.config");
        config.getParentFile().mkdirs();
        String existing = config.isFile() ? Files.readString(config.toPath(), StandardCharsets.UTF_8).trim() : "";
        Files.writeString(config.toPath(), (existing.isEmpty() ? "" : existing + "\n") + "-Dosvi.baseUrl="
                + simulator.baseUrl() + "\n", StandardCharsets.UTF_8);
        return simulator;
    }

    /**
     * Stops the simulator started by {@link #start}, if any, and checks that the token it accepted appears in no
     * file the build wrote (its log, reports): whatever the log level the IT ran at.
     */
    public static SimulatorServer stop(Map<String, Object> context) throws IOException {
        SimulatorServer simulator = (SimulatorServer) context.get("simulator");
        if (simulator != null) {
            simulator.close();
            assertTokenNeverWritten((File) context.get("basedir"), (String) context.get("simulatorToken"));
        }
        return simulator;
    }

    /** Fails when {@code token} occurs in build.log or in any file under the IT's {@code target} folder. */
    public static void assertTokenNeverWritten(File basedir, String token) throws IOException {
        List<Path> outputs = new ArrayList<>();
        outputs.add(basedir.toPath().resolve("build.log"));
        Path target = basedir.toPath().resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.walk(target)) {
                files.filter(Files::isRegularFile).forEach(outputs::add);
            }
        }
        for (Path output : outputs) {
            if (Files.isRegularFile(output)
                    && new String(Files.readAllBytes(output), StandardCharsets.ISO_8859_1).contains(token)) {
                throw new AssertionError("the API token appears in " + basedir.toPath().relativize(output));
            }
        }
    }
}
