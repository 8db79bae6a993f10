package ai.osvi.gate.report;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The names of the files the gate writes into its report directory: nothing else there is the gate's. */
public final class ReportNames {

    /** GitLab's dotenv report, for later jobs. */
    public static final String DOTENV = "osvi.env";

    /** The JUnit report of a gate that stopped before its first request; CI globs on TEST-osvi-campaign-*.xml find it. */
    public static final String NOT_STARTED_JUNIT = "TEST-osvi-campaign-not-started.xml";

    /** Every report name this plugin writes; nothing else. */
    public static final Pattern ANY_REPORT = Pattern.compile(
            "campaign-\\d+(-[A-Za-z0-9._-]+)?\\.(json|svg)|TEST-osvi-campaign-\\d+(-[A-Za-z0-9._-]+)?\\.xml"
                    + "|TEST-osvi-campaign-not-started\\.xml|osvi\\.env");

    private ReportNames() {}

    /** {@code campaign-7}: the name of a campaign's reports. */
    public static String baseName(long campaignId) {
        return "campaign-" + campaignId;
    }

    /**
     * {@code campaign-7-advisory}: the name of a campaign's reports by {@code gate} when another gate wrote that
     * campaign's first; every character of the gate's name but {@code [A-Za-z0-9._-]} becomes {@code _}.
     */
    public static String baseName(long campaignId, String gate) {
        StringBuilder safe = new StringBuilder();
        gate.codePoints()
                .forEach(c -> safe.append(
                        c < 128 && (Character.isLetterOrDigit(c) || "._-".indexOf(c) >= 0) ? (char) c : '_'));
        return baseName(campaignId) + "-" + safe;
    }

    /** @param name the reports' name, {@link #baseName} */
    public static Path jsonFile(Path directory, String name) {
        return directory.resolve(name + ".json");
    }

    public static Path junitFile(Path directory, String name) {
        return directory.resolve("TEST-osvi-" + name + ".xml");
    }

    public static Path chartFile(Path directory, String name) {
        return directory.resolve(name + ".svg");
    }

    /** The test suite of the reports named {@code name}: {@code osvi.campaign.7}, {@code osvi.campaign.7.advisory}. */
    public static String suite(String name) {
        return "osvi." + name.replaceFirst("^campaign-(\\d+)-?", "campaign.$1.").replaceFirst("\\.$", "");
    }
}
