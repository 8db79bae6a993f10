package ai.osvi.gate.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's own version, for the {@code User-Agent} header. */
public final class PluginVersion {

    private static final String VERSION = load();

    private PluginVersion() {}

    public static String version() {
        return VERSION;
    }

    public static String userAgent() {
        return "osvi-maven-plugin/" + VERSION;
    }

    private static String load() {
        try (InputStream in = PluginVersion.class.getResourceAsStream("/ai/osvi/gate/plugin.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
