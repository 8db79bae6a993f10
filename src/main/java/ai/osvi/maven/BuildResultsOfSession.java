package ai.osvi.maven;

import ai.osvi.gate.report.BuildResults;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The {@link BuildResults} of this Maven session, shared by every gate in it (executions, modules, threads of
 * {@code -T}, and plugin class realms: a module with its own {@code <pluginRepositories>} or plugin
 * {@code <dependencies>} loads the plugin again, as does another version of it) and gone with the session. They are
 * kept in the repository session's data, which Maven creates for each build, under the String key
 * {@value BuildResults#SHARED_KEY}, as a JDK list of JSON strings: a key or a value of one of this plugin's classes
 * would be another class in every class realm, and each realm would keep results of its own.
 */
final class BuildResultsOfSession {

    private BuildResultsOfSession() {}

    @SuppressWarnings("unchecked")
    static BuildResults get(MavenSession session) {
        SessionData data = session == null || session.getRepositorySession() == null
                ? null
                : session.getRepositorySession().getData();
        if (data == null) {
            return new BuildResults();
        }
        Object shared = data.get(BuildResults.SHARED_KEY);
        while (shared == null) {
            List<String> fresh = BuildResults.newSharedList();
            shared = data.set(BuildResults.SHARED_KEY, null, fresh) ? fresh : data.get(BuildResults.SHARED_KEY);
        }
        Object judged = data.get(BuildResults.JUDGED_KEY);
        while (judged == null) {
            Map<String, Object> fresh = BuildResults.newJudgedMap();
            judged = data.set(BuildResults.JUDGED_KEY, null, fresh) ? fresh : data.get(BuildResults.JUDGED_KEY);
        }
        // only this plugin writes under its keys; anything else there would be a bug: results of its own then
        return shared instanceof List<?> list && judged instanceof Map<?, ?> map
                ? new BuildResults((List<String>) list, (Map<String, Object>) map)
                : new BuildResults();
    }
}
