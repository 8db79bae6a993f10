package ai.osvi.gate.report.files;

import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.report.ReportNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The report directory as a reused CI workspace leaves it: reports of an earlier build are removed first. */
public final class ReportDirectory {

    private ReportDirectory() {}

    /**
     * Reports in {@code directory} older than this build are an earlier build's (a reused CI workspace): removed, so
     * that a CI step never publishes them beside this build's. Reports written by earlier executions of this build
     * stay. Nothing is done when the directory or the build's start is unknown ({@code null}).
     */
    public static void removeReportsOfEarlierBuilds(Path directory, Instant buildStart, Path replayed, GateLog log) {
        if (directory == null || buildStart == null) {
            return;
        }
        try {
            List<Path> removed = removeReportsOlderThan(directory, buildStart, replayed);
            if (!removed.isEmpty()) {
                log.info("Removed " + removed.size() + (removed.size() == 1 ? " report" : " reports")
                        + " of an earlier build from " + directory + " (last modified before this build started).");
                removed.forEach(file -> log.debug("Removed " + file));
            }
        } catch (IOException e) {
            log.warn("Could not remove every report of an earlier build from " + directory + " (" + e
                    + "): a CI step collecting the reports may publish them beside this build's.");
        }
    }

    /**
     * Removes from {@code directory} the reports this plugin writes ({@code campaign-<id>.json},
     * {@code campaign-<id>.svg}, {@code TEST-osvi-campaign-<id>.xml}, {@code osvi.env}) that were last modified
     * before {@code cutoff}, so that a CI step collecting {@code TEST-osvi-campaign-*.xml} never publishes the
     * verdict of an earlier build beside this one's. Other files, folders and symbolic links are left alone, as are
     * reports written at or after {@code cutoff} (by earlier executions of the same build). A missing directory
     * removes nothing.
     *
     * @return the files removed
     * @throws IOException when the directory cannot be read or a report cannot be removed (after trying the others)
     */
    public static List<Path> removeReportsOlderThan(Path directory, Instant cutoff, Path replayed) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        IOException failure = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                directory,
                entry -> ReportNames.ANY_REPORT
                        .matcher(entry.getFileName().toString())
                        .matches())) {
            for (Path entry : entries) {
                try {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                            && !isReplayed(entry, replayed)
                            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                                    .toInstant()
                                    .isBefore(cutoff)) {
                        Files.delete(entry);
                        removed.add(entry);
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile by someone else: nothing left to do
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return removed;
    }

    /** Whether {@code entry} is the report a simulation replays (kept: the run reads it). */
    private static boolean isReplayed(Path entry, Path replayed) {
        return replayed != null
                && entry.toAbsolutePath()
                        .normalize()
                        .equals(replayed.toAbsolutePath().normalize());
    }
}
