package ai.osvi.bench;

import ai.osvi.gate.simulator.Scenario;
import ai.osvi.gate.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The plugin's simulator in a process of its own, for {@code .ci/bench-goal}: the goal then talks to a server that
 * is already running, as it does to the real API, so the figure leaves out the embedded simulator's start-up.
 * Prints the base URL on the first line of standard output; stops when standard input closes.
 *
 * <p>Arguments: a scenario (built-in name or file) and the token the simulator accepts; optionally a PKCS12 keystore
 * and its password, to serve https through a {@link TlsRelay} in front of the simulator (the URL printed is then the
 * relay's).
 */
public final class StandaloneSimulator {

    private StandaloneSimulator() {
    }

    /** Runs until the benchmark closes our standard input (or ends). */
    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // nothing to do but wait
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: StandaloneSimulator <scenario name or file> <token> [<keystore.p12> <password>]");
            System.exit(2);
        }
        try (SimulatorServer simulator = SimulatorServer.start(Scenario.load(args[0]), args[1])) {
            if (args.length == 4) {
                try (TlsRelay relay = new TlsRelay(
                        Path.of(args[2]), args[3].toCharArray(), simulator.baseUrl().getPort())) {
                    System.out.println("https://127.0.0.1:" + relay.port() + "/");
                    System.out.flush();
                    waitForEndOfInput();
                }
            } else {
                System.out.println(simulator.baseUrl());
                System.out.flush();
                waitForEndOfInput();
            }
        } catch (IOException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
        }
    }
}
