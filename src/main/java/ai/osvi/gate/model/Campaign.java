package ai.osvi.gate.model;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code data.campaign} object, as far as the gate reads it. Every field but {@code status} is informational; the
 * nullable ones of the API ({@code retry_threshold}, {@code retry_delay}) are {@code null} here when absent. The
 * report shows the API's own object, every field included.
 *
 * @param createdAt     {@code created_at} read as a date-time with an offset; {@code null} when absent or unreadable
 * @param createdAtText {@code created_at} as the API sent it (invisible characters escaped); {@code null} when absent
 */
public record Campaign(
        Long id,
        String name,
        String status,
        Boolean retryEnabled,
        Integer retryThreshold,
        Integer retryDelaySeconds,
        OffsetDateTime createdAt,
        String createdAtText) {

    /**
     * RFC 3339 as APIs send it: {@code T}, {@code t} or a space between date and time, seconds and their fraction
     * optional, the offset {@code Z}, {@code z} or {@code +05:30}.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT);

    /** A campaign whose {@code created_at} was read, or is absent. */
    public Campaign(
            Long id,
            String name,
            String status,
            Boolean retryEnabled,
            Integer retryThreshold,
            Integer retryDelaySeconds,
            OffsetDateTime createdAt) {
        this(
                id,
                name,
                status,
                retryEnabled,
                retryThreshold,
                retryDelaySeconds,
                createdAt,
                createdAt == null ? null : createdAt.toString());
    }

    /** A campaign whose {@code created_at} is absent. */
    public Campaign(
            Long id,
            String name,
            String status,
            Boolean retryEnabled,
            Integer retryThreshold,
            Integer retryDelaySeconds) {
        this(id, name, status, retryEnabled, retryThreshold, retryDelaySeconds, null);
    }

    public boolean isInactive() {
        return "inactive".equals(status);
    }

    /** {@code text} as a date-time with an offset, or {@code null} when it is none (see {@link #dateTimeProblem}). */
    public static OffsetDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Why {@code text} is not a date-time with an offset, for a message naming the value received. */
    public static String dateTimeProblem(String text) {
        if (text == null) {
            return "absent";
        }
        if (dateTime(text) != null) {
            return "none";
        }
        try {
            LocalDateTime.parse(text.strip().replace(' ', 'T'));
            return "a date-time without a UTC offset, whose instant is unknown";
        } catch (DateTimeParseException e) {
            return "not an RFC 3339 date-time";
        }
    }
}
