package ai.osvi.maven;

import java.util.stream.Collectors;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The errors of a settings.xml decryption, for the token's server and the proxy alike. */
final class DecryptionProblems {

    private DecryptionProblems() {}

    /** The ERROR and FATAL problems joined with "; ", or {@code null} when there are none. */
    static String of(SettingsDecryptionResult result) {
        String problems = result.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        return problems.isEmpty() ? null : problems;
    }
}
