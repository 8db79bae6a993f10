package ai.osvi.maven;

import ai.osvi.gate.report.BuildResults;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The {@link BuildResults} of this Maven session, shared by every execution of the goal in it (executions, modules,
 * threads of {@code -T}) and gone with the session: kept in the repository session's data, which Maven creates for
 * each build. The key is the class itself, so two versions of the plugin in one build never share (or mistake) it.
 */
final class BuildResultsOfSession {

    private BuildResultsOfSession() {
    }

    static BuildResults get(MavenSession session) {
        SessionData data = session == null || session.getRepositorySession() == null ? null
                : session.getRepositorySession().getData();
        if (data == null) {
            return new BuildResults();
        }
        Object shared = data.get(BuildResults.class);
        while (shared == null) {
            BuildResults fresh = new BuildResults();
            shared = data.set(BuildResults.class, null, fresh) ? fresh : data.get(BuildResults.class);
        }
        return (BuildResults) shared;
    }
}
