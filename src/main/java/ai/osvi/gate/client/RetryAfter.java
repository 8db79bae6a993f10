package ai.osvi.gate.client;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3) in any of the three
 * forms of section 5.6.7: IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime's ({@code Sun Nov  6 08:49:37 1994}).
 */
final class RetryAfter {

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
    private static final Pattern RFC_850 = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-" + MONTH + "-(\\d{2}) " + TIME
                    + " GMT",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MONTH + " +(\\d{1,2}) " + TIME + " (\\d{4})",
            Pattern.CASE_INSENSITIVE);

    private RetryAfter() {}

    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        return httpDate(text, clock.instant()).map(when -> {
            Duration delay = Duration.between(clock.instant(), when);
            return delay.isNegative() ? Duration.ZERO : delay;
        });
    }

    private static Optional<Instant> httpDate(String text, Instant now) {
        try {
            return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            // not an IMF-fixdate: one of the obsolete forms, or nothing
        }
        try {
            Matcher rfc850 = RFC_850.matcher(text);
            if (rfc850.matches()) {
                int yearInCentury = Integer.parseInt(rfc850.group(3));
                int thisYear = now.atOffset(ZoneOffset.UTC).getYear();
                Instant when =
                        instant(thisYear - thisYear % 100 + yearInCentury, rfc850.group(2), rfc850.group(1), rfc850, 4);
                // RFC 9110: a two-digit year more than 50 years in the future is the same year of the century before
                if (when.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(50).toInstant())) {
                    when = when.atOffset(ZoneOffset.UTC).minusYears(100).toInstant();
                }
                return Optional.of(when);
            }
            Matcher asctime = ASCTIME.matcher(text);
            if (asctime.matches()) {
                return Optional.of(
                        instant(Integer.parseInt(asctime.group(6)), asctime.group(1), asctime.group(2), asctime, 3));
            }
        } catch (DateTimeException e) {
            // a day, an hour or a second that does not exist
        }
        return Optional.empty();
    }

    /** The instant in GMT of that date, and of the time in the groups from {@code firstTimeGroup}. */
    private static Instant instant(int year, String month, String day, Matcher time, int firstTimeGroup) {
        return LocalDateTime.of(
                        year,
                        MONTHS.indexOf(month.toLowerCase(Locale.ROOT)) + 1,
                        Integer.parseInt(day),
                        Integer.parseInt(time.group(firstTimeGroup)),
                        Integer.parseInt(time.group(firstTimeGroup + 1)),
                        Integer.parseInt(time.group(firstTimeGroup + 2)))
                .toInstant(ZoneOffset.UTC);
    }
}
