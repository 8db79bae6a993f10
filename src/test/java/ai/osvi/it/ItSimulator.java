package ai.osvi.it;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        File config = new File(basedir, ".mvn/maven.config");
        config.getParentFile().mkdirs();
        String existing = config.isFile() ? Files.readString(config.toPath(), StandardCharsets.UTF_8).trim() : "";
        Files.writeString(config.toPath(), (existing.isEmpty() ? "" : existing + "\n") + "-Dosvi.baseUrl="
                + simulator.baseUrl() + "\n", StandardCharsets.UTF_8);
        return simulator;
    }

    /** Stops the simulator started by {@link #start}, if any. */
    public static SimulatorServer stop(Map<String, Object> context) throws IOException {
        SimulatorServer simulator = (SimulatorServer) context.get("simulator");
        if (simulator != null) {
            simulator.close();
        }
        return simulator;
    }
}
