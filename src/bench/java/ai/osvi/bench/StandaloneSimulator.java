package ai.osvi.bench;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import java.io.IOException;

/**
 * The plugin's simulator in a process of its own, for {@code .ci/bench-goal}: the goal then talks to a server that
 * is already running, as it does to the real API, so the figure leaves out the embedded simulator's start-up.
 * Prints the base URL on the first line of standard output; stops when standard input closes.
 *
 * <p>Arguments: a scenario (built-in name or file) and the token the simulator accepts.
 */
public final class StandaloneSimulator {

    private StandaloneSimulator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: StandaloneSimulator <scenario name or file> <token>");
            System.exit(2);
        }
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load(args[0]), args[1])) {
            System.out.println(simulator.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the benchmark closes our standard input (or ends)
            }
        } catch (IOException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
        }
    }
}
