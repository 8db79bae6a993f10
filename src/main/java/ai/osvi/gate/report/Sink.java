package ai.osvi.gate.report;

import ai.osvi.gate.log.GateLog;
import ai.osvi.gate.log.RedactingLog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Where every output of a gate goes: files replaced or appended to, and log lines. The one place that redacts: every
 * file and line passes the redactor as a whole, after the output has escaped it for its format (the redactor also
 * knows the token in the escaped forms of JSON, XML and Markdown). Files a CI runner parses
 * ({@link #replaceVerbatim}, {@link #appendVerbatim}) are refused rather than changed when they would hold the token.
 */
public final class Sink {

    private final UnaryOperator<String> redactor;
    private final GateLog plainLog;
    private final GateLog log;
    private final Object appendLock;
    private final AtomicInteger warnings = new AtomicInteger();

    /**
     * @param redactor   removes the API token from a text
     * @param appendLock held while appending to a file, which the modules of a parallel build share
     */
    public Sink(UnaryOperator<String> redactor, GateLog log, Object appendLock) {
        this.redactor = redactor;
        this.plainLog = log;
        this.log = new RedactingLog(log, redactor);
        this.appendLock = appendLock;
    }

    /** A sink like this one that applies {@code other} instead. */
    public Sink redacting(UnaryOperator<String> other) {
        return new Sink(other, plainLog, appendLock);
    }

    /** A sink like this one that appends holding {@code lock} instead. */
    public Sink appendingUnder(Object lock) {
        return new Sink(redactor, plainLog, lock);
    }

    /**
     * {@code text} redacted, for an output that changes text before it reaches the sink in a way that could hide the
     * token from the redactor (a file whose syntax allows only some characters).
     */
    public String redact(String text) {
        return redactor.apply(text);
    }

    /** The log; every line is redacted. */
    public GateLog log() {
        return log;
    }

    /** Logs a warning about an output and counts it. */
    public void warn(String message) {
        warnings.incrementAndGet();
        log.warn(message);
    }

    /** How many warnings {@link #warn} logged so far. */
    public int warnings() {
        return warnings.get();
    }

    /** Replaces {@code file} with {@code content} redacted, atomically; creates its directory if needed. */
    public Path replace(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        writeAtomically(file, redactor.apply(content));
        return file;
    }

    /** Appends {@code content} redacted to {@code file}, in one write. */
    public void append(Path file, String content) throws IOException {
        String redacted = redactor.apply(content);
        synchronized (appendLock) {
            Files.writeString(
                    file, redacted, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** As {@link #replace}, but a content the redactor would change is not written at all. */
    public Path replaceVerbatim(Path file, String content) throws IOException {
        refuseSecret(file, content);
        return replace(file, content);
    }

    /** As {@link #append}, but a content the redactor would change is not written at all. */
    public void appendVerbatim(Path file, String content) throws IOException {
        refuseSecret(file, content);
        append(file, content);
    }

    private void refuseSecret(Path file, String content) throws IOException {
        if (!redactor.apply(content).equals(content)) {
            // only text put together across names and values could hold it: write nothing rather than the token
            throw new IOException(file.getFileName() + " would hold the API token; nothing written");
        }
    }

    /**
     * Writes {@code content} to a new file beside {@code target}, then moves it into place. The temporary file is
     * created as any other file (not with {@code Files.createTempFile}, which makes it readable by its owner only), so
     * the report gets the permissions every other build output gets.
     */
    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(
                    temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
