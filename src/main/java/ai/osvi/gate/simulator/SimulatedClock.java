package ai.osvi.gate.simulator;

import ai.osvi.gate.config.InvalidConfigurationException;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a simulated campaign is in its timeline. A wait ({@code await-campaign}) starts its scenario when the
 * simulation starts and keeps nothing. A check ({@code check-campaign}) continues the campaign that the first check of
 * that scenario started in the same report folder: when each scenario started is kept in {@link #FILE_NAME}, and a
 * check is as far into the timeline as the wall clock has moved since, so that checks run one after another, as a
 * schedule runs them, see the campaign go from RUNNING to its verdict.
 *
 * @param started when the simulated campaign was created
 * @param elapsed how far into the scenario's timeline the simulation starts
 * @param note    what the log says about it, or empty
 */
public record SimulatedClock(Instant started, Duration elapsed, String note) {

    /** The file, in the report folder, that keeps when each scenario checked there started. */
    public static final String FILE_NAME = "simulated-clock.json";

    private static final ObjectMapper JSON = Json.MAPPER;

    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A wait's clock: the campaign is created {@code now} and its timeline starts at the first request. */
    public static SimulatedClock forWait(Instant now) {
        return new SimulatedClock(now, Duration.ZERO, "");
    }

    /**
     * A check's clock: scenario {@code key} started when the file in {@code directory} says, or {@code now} when it
     * says nothing of it yet (which is then written there); without a folder, {@code now}, kept nowhere.
     *
     * @param shownFrom the folder the note names the file from (the project's), when the file is under it
     * @throws InvalidConfigurationException when the file cannot be read or written, or says something other than
     *                                       what this class writes: never a guess at where the campaign is
     */
    public static SimulatedClock forCheck(Path directory, Path shownFrom, String key, Instant now)
            throws InvalidConfigurationException {
        if (directory == null) {
            return new SimulatedClock(now, Duration.ZERO, "");
        }
        Path file = directory.resolve(FILE_NAME).toAbsolutePath().normalize();
        String shown = shown(file, shownFrom);
        Map<String, Instant> starts = read(file, shown);
        Instant started = starts.get(key);
        String restart = " Delete " + shown + " (or run mvn clean) to start the rehearsal again.";
        if (started == null) {
            starts.put(key, now);
            write(file, shown, starts);
            return new SimulatedClock(
                    now,
                    Duration.ZERO,
                    "The simulated campaign starts now, at " + TIME_OF_DAY.format(now) + ", kept in " + shown
                            + " for the checks that follow." + restart);
        }
        if (started.isAfter(now)) {
            throw unusable(
                    shown,
                    "the scenario '" + key + "' started at " + started + ", later than now (" + now
                            + "): the clock was set back, or the file was copied from another machine");
        }
        Duration elapsed = Duration.between(started, now);
        return new SimulatedClock(
                started,
                elapsed,
                "The simulated campaign started " + Values.formatRounded(elapsed) + " ago, at "
                        + TIME_OF_DAY.format(started) + " (kept in " + shown + ")." + restart);
    }

    private static String shown(Path file, Path shownFrom) {
        Path base = shownFrom == null ? null : shownFrom.toAbsolutePath().normalize();
        return base != null && file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    /** What the file says, strictly; an empty map when there is no file yet. */
    private static Map<String, Instant> read(Path file, String shown) throws InvalidConfigurationException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (JsonProcessingException e) {
            throw unusable(shown, "it is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw unusable(shown, "it cannot be read: " + e);
        }
        JsonNode started = root == null ? null : root.get("started");
        if (started == null || !started.isObject()) {
            throw unusable(shown, "it has no 'started' object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("about") && !name.equals("started")) {
                throw unusable(shown, "'" + name + "' is none of the fields it has: about, started");
            }
        }
        Map<String, Instant> starts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = started.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Instant instant = instant(entry.getValue());
            if (instant == null) {
                throw unusable(
                        shown,
                        "started." + entry.getKey() + " is " + entry.getValue()
                                + ", not an instant such as \"2026-06-01T10:00:00Z\"");
            }
            starts.put(entry.getKey(), instant);
        }
        return starts;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Replaces the file at once, so that a check stopped halfway never leaves half a file. */
    private static void write(Path file, String shown, Map<String, Instant> starts)
            throws InvalidConfigurationException {
        ObjectNode root = JSON.createObjectNode();
        root.put(
                "about",
                "When check-campaign first served each simulated scenario from this folder. Delete this"
                        + " file to start the rehearsal again.");
        ObjectNode started = root.putObject("started");
        starts.forEach((key, instant) -> started.put(key, instant.toString()));
        try {
            Files.createDirectories(file.getParent());
            // not Files.createTempFile, whose file only its owner may read, unlike the reports beside it
            Path temporary = file.resolveSibling(
                    FILE_NAME + "." + ProcessHandle.current().pid() + "-"
                            + Thread.currentThread().getId() + ".tmp");
            try {
                Files.writeString(temporary, Json.PRETTY.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw unusable(shown, "it cannot be written: " + e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InvalidConfigurationException unusable(String shown, String problem) {
        return new InvalidConfigurationException(
                "simulation",
                "The simulated clock in " + shown + " cannot be used ("
                        + problem
                        + "). It keeps where the simulated campaign of check-campaign is between checks; delete it"
                        + " (or run mvn clean) to start the rehearsal again.");
    }
}
