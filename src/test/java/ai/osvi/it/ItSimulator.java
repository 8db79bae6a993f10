package ai.osvi.it;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Used by the integration tests' {@code prebuild.groovy}: starts the plugin's own simulator in the invoker's JVM
 * and points the forked Maven build at it through the project's {@code .mvn/maven.config}.
 */
public final class ItSimulator {

    private ItSimulator() {}

    /**
     * @param scenario a built-in scenario name or a file name relative to {@code basedir}
     * @param token    the only token the simulator accepts
     */
    public static SimulatorServer start(File basedir, Map<String, Object> context, String scenario, String token)
            throws Exception {
        File file = new File(basedir, scenario);
        return serve(basedir, context, Scenario.load(file.isFile() ? file.getPath() : scenario), token);
    }

    /**
     * As above, with a scenario file anywhere: one of the shared fixtures, {@code new File(itFixtures,
     * 'quick-pass.json')} in a script (the invoker's configuration in pom.xml sets {@code itFixtures}).
     */
    public static SimulatorServer start(File basedir, Map<String, Object> context, File scenario, String token)
            throws Exception {
        return serve(basedir, context, Scenario.load(scenario.getPath()), token);
    }

    private static SimulatorServer serve(File basedir, Map<String, Object> context, Scenario scenario, String token)
            throws Exception {
        SimulatorServer simulator = SimulatorServer.start(scenario, token);
        context.put("simulator", simulator);
        context.put("simulatorToken", token);
        context.put("basedir", basedir);
        pointBuildAt(basedir, simulator.baseUrl());
        return simulator;
    }

    /**
     * Like {@link #start}, over TLS: an {@link HttpsApi} answering the completed snapshot of {@code scenario}, its
     * certificate made in {@code basedir/tls}, where {@code truststore.p12} (password
     * {@link HttpsApi#TRUST_STORE_PASSWORD}) vouches for it. The forked build must be given that trust store, e.g.
     * with {@code invoker.mavenOpts}. Stop it with {@link #stopHttps}.
     */
    public static HttpsApi startHttps(File basedir, Map<String, Object> context, String scenario, String token)
            throws Exception {
        File file = new File(basedir, scenario);
        HttpsApi api = HttpsApi.start(
                new File(basedir, "tls").toPath(), Scenario.load(file.isFile() ? file.getPath() : scenario), token);
        context.put("httpsApi", api);
        context.put("simulatorToken", token);
        context.put("basedir", basedir);
        pointBuildAt(basedir, api.baseUrl());
        return api;
    }

    private static void pointBuildAt(File basedir, URI baseUrl) throws IOException {
        File config = new File(basedir, ".mvn/maven.config");
        config.getParentFile().mkdirs();
        String existing = config.isFile()
                ? Files.readString(config.toPath(), StandardCharsets.UTF_8).trim()
                : "";
        Files.writeString(
                config.toPath(),
                (existing.isEmpty() ? "" : existing + "\n") + "-Dosvi.baseUrl=" + baseUrl + "\n",
                StandardCharsets.UTF_8);
    }

    /** Stops the server started by {@link #startHttps}; checks, as {@link #stop} does, that no file holds the token. */
    public static HttpsApi stopHttps(Map<String, Object> context) throws IOException {
        HttpsApi api = (HttpsApi) context.get("httpsApi");
        api.close();
        assertTokenNeverWritten((File) context.get("basedir"), (String) context.get("simulatorToken"));
        return api;
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
                throw new AssertionError(
                        "the API token appears in " + basedir.toPath().relativize(output));
            }
        }
    }
}
