package ai.osvi.gate.config;

import ai.osvi.gate.rules.Operator;
import ai.osvi.gate.rules.Ratio;
import ai.osvi.gate.rules.RelativeLimit;
import ai.osvi.gate.rules.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where parameter values are parsed: durations, ratios, rules, ids and choices. Every failure is an
 * {@link InvalidConfigurationException} naming the parameter (and its user property), the value and the accepted
 * forms.
 */
public final class Values {

    public static final String DURATION_FORMS = "a number with a unit (500ms, 90s, 15m, 1h, 1h30m) or ISO-8601 (PT30M)";
    /** The examples of {@link #DURATION_FORMS}, of which a duration with a minimum lists only those it accepts. */
    private static final List<Map.Entry<String, Duration>> DURATION_EXAMPLES = List.of(
            Map.entry("500ms", Duration.ofMillis(500)),
            Map.entry("90s", Duration.ofSeconds(90)),
            Map.entry("15m", Duration.ofMinutes(15)),
            Map.entry("1h", Duration.ofHours(1)),
            Map.entry("1h30m", Duration.ofMinutes(90)));

    private static final Duration ISO_EXAMPLE = Duration.ofMinutes(30);
    public static final String RATIO_FORMS = "a ratio between 0 and 1 (0.05) or a percentage between 0% and 100% (5%)";
    public static final String RULE_FORMS = "'STATUS OP VALUE' with OP one of < <= > >=, STATUS a by_status key or a"
            + " sum of keys joined by + (failed+not_picked), VALUE a ratio (0.05) or percentage (5%);"
            + " for example 'picked >= 60%' or 'failed+not_picked < 0.35'; followed by (advisory) for a rule"
            + " judged and reported that never changes the verdict, as in 'failed <= 2% (advisory)'; VALUE can also be"
            + " relative to the baseline campaign (baselineCampaignId) as 'baseline', 'baseline + 1%', 'baseline - 2%'"
            + " or 'baseline * 1.5'";

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SHORT_DURATION = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern RULE =
            Pattern.compile("^\\s*([^<>=\\s]+(?:\\s*\\+\\s*[^<>=\\s+]+)*)\\s*(<=|>=|<|>)\\s*(\\S.*?)\\s*$");
    private static final Pattern RELATIVE =
            Pattern.compile("baseline(?:\\s*([-+*])\\s*(\\S+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS_KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?|\\.\\d+");

    private Values() {}

    /** "pollInterval (osvi.pollInterval)": the parameter and its user property. */
    public static String label(String parameter) {
        return parameter + " (osvi." + parameter + ")";
    }

    private static InvalidConfigurationException invalid(
            String parameter, String value, String problem, String accepted) {
        String shown = value == null ? "" : value;
        return new InvalidConfigurationException(
                parameter,
                "Invalid " + label(parameter) + " '" + shown + "': " + problem + ". Accepted: " + accepted + ".");
    }

    /**
     * The longest duration any parameter accepts. The gate's clock counts nanoseconds in a {@code long}, which holds
     * some 292 years, and adds durations to it (the deadline is the start plus timeout, a pause doubles up to
     * maxPollInterval): a year is longer than any campaign, and keeps every such sum far inside it.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(365);
    /** {@link #MAX_DURATION} as users write it. */
    private static final String MAX_DURATION_TEXT = "365d";

    public static Duration duration(String parameter, String value) throws InvalidConfigurationException {
        return duration(
                parameter,
                value,
                DURATION_FORMS,
                "a duration of at most " + MAX_DURATION_TEXT + ", written as " + DURATION_FORMS);
    }

    /**
     * @param accepted          the accepted forms, as a message says them
     * @param acceptedUpToLimit the same, saying the longest duration: for a value above it
     */
    private static Duration duration(String parameter, String value, String accepted, String acceptedUpToLimit)
            throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw invalid(parameter, value, "it is empty", accepted);
        }
        String tooLarge = "too large, the longest accepted is " + MAX_DURATION_TEXT;
        Duration duration;
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // a cause is an overflow (ArithmeticException, NumberFormatException): the form itself was valid
                throw e.getCause() != null
                        ? invalid(parameter, value, tooLarge, acceptedUpToLimit)
                        : invalid(parameter, value, "not a valid ISO-8601 duration", accepted);
            }
        } else if (SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            duration = Duration.ZERO;
            Matcher part = DURATION_PART.matcher(text.toLowerCase(Locale.ROOT));
            try {
                while (part.find()) {
                    long amount = Long.parseLong(part.group(1));
                    duration = duration.plus(
                            switch (part.group(2)) {
                                case "ms" -> Duration.ofMillis(amount);
                                case "s" -> Duration.ofSeconds(amount);
                                case "m" -> Duration.ofMinutes(amount);
                                case "h" -> Duration.ofHours(amount);
                                default -> Duration.ofDays(amount);
                            });
                }
            } catch (ArithmeticException | NumberFormatException e) {
                throw invalid(parameter, value, tooLarge, acceptedUpToLimit);
            }
        } else if (NUMBER.matcher(text).matches()) {
            throw invalid(parameter, value, "a number needs a unit", accepted);
        } else {
            throw invalid(parameter, value, "not a duration", accepted);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(parameter, value, "must be greater than zero", accepted);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw invalid(parameter, value, tooLarge, acceptedUpToLimit);
        }
        return duration;
    }

    /** Like {@link #duration} but also accepts zero ({@code 0s}): for offsets such as a scenario step's time. */
    public static Duration offset(String parameter, String value) throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        if (text.matches("0+(ms|s|m|h|d)?") || text.equalsIgnoreCase("PT0S")) {
            return Duration.ZERO;
        }
        return duration(parameter, value);
    }

    public static Duration durationAtLeast(String parameter, String value, Duration minimum)
            throws InvalidConfigurationException {
        String forms = durationForms(minimum);
        String accepted = "a duration of at least " + format(minimum) + ", written as " + forms;
        Duration duration = duration(
                parameter,
                value,
                accepted,
                "a duration from " + format(minimum) + " to " + MAX_DURATION_TEXT + ", written as " + forms);
        if (duration.compareTo(minimum) < 0) {
            throw invalid(parameter, value, "must be at least " + format(minimum), accepted);
        }
        return duration;
    }

    /**
     * {@link #DURATION_FORMS} for a duration of at least {@code minimum}: the minimum itself, then only the examples
     * it accepts, so that a message refusing {@code 500ms} never lists {@code 500ms} as accepted.
     */
    static String durationForms(Duration minimum) {
        List<String> examples = new ArrayList<>();
        examples.add(format(minimum));
        for (Map.Entry<String, Duration> example : DURATION_EXAMPLES) {
            if (example.getValue().compareTo(minimum) > 0) {
                examples.add(example.getKey());
            }
        }
        Duration iso = ISO_EXAMPLE.compareTo(minimum) >= 0 ? ISO_EXAMPLE : minimum;
        return "a number with a unit (" + String.join(", ", examples) + ") or ISO-8601 (" + iso + ")";
    }

    public static Ratio ratio(String parameter, String value) throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            throw invalid(parameter, value, "it is empty", RATIO_FORMS);
        }
        return parseRatio(text).orElseThrow(problem -> invalid(parameter, value, problem, RATIO_FORMS));
    }

    /** Parses one rule {@code STATUS OP VALUE}; {@code parameter} names where it came from. */
    public static Rule rule(String parameter, String value) throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        boolean advisory = text.endsWith(Rule.ADVISORY);
        if (advisory) {
            text = text.substring(0, text.length() - Rule.ADVISORY.length()).trim();
        } else if (text.endsWith(")") && text.lastIndexOf('(') > 0) {
            String marker = text.substring(text.lastIndexOf('('));
            throw invalid(
                    parameter,
                    value,
                    "'" + marker + "' is not a marker of a rule; the one marker is " + Rule.ADVISORY,
                    RULE_FORMS);
        }
        Matcher matcher = RULE.matcher(text);
        if (!matcher.matches()) {
            throw invalid(parameter, value, text.isEmpty() ? "the rule is empty" : "not a rule", RULE_FORMS);
        }
        List<String> statuses =
                Arrays.stream(matcher.group(1).split("\\+")).map(String::trim).toList();
        checkStatuses(parameter, value, statuses, RULE_FORMS);
        Operator operator = Operator.fromSymbol(matcher.group(2));
        if (matcher.group(3).toLowerCase(Locale.ROOT).startsWith(RelativeLimit.WORD)) {
            return Rule.relativeToBaseline(
                    statuses, operator, relativeLimit(parameter, value, matcher.group(3)), parameter, advisory);
        }
        Ratio limit = parseRatio(matcher.group(3))
                .orElseThrow(problem -> invalid(parameter, value, "the value " + problem, RULE_FORMS));
        return new Rule(statuses, operator, limit, parameter, advisory);
    }

    /** {@code baseline}, {@code baseline + 1%}, {@code baseline - 0.02}, {@code baseline * 1.5}. */
    private static RelativeLimit relativeLimit(String parameter, String value, String text)
            throws InvalidConfigurationException {
        Matcher relative = RELATIVE.matcher(text);
        if (!relative.matches()) {
            throw invalid(parameter, value, "'" + text + "' is not a limit relative to the baseline", RULE_FORMS);
        }
        if (relative.group(1) == null) {
            return new RelativeLimit(RelativeLimit.Adjustment.NONE, BigDecimal.ZERO);
        }
        String amount = relative.group(2);
        if (relative.group(1).equals("*")) {
            if (!NUMBER.matcher(amount).matches() || new BigDecimal(amount).signum() == 0) {
                throw invalid(
                        parameter,
                        value,
                        "the factor '" + amount + "' is not a positive decimal number"
                                + " (write baseline * 1.5 for one and a half times the baseline's ratio, without an exponent"
                                + " or %)",
                        RULE_FORMS);
            }
            return new RelativeLimit(RelativeLimit.Adjustment.TIMES, new BigDecimal(amount));
        }
        Ratio points = parseRatio(amount)
                .orElseThrow(problem -> invalid(
                        parameter, value, "the value added to or" + " taken from the baseline " + problem, RULE_FORMS));
        return new RelativeLimit(
                relative.group(1).equals("+") ? RelativeLimit.Adjustment.PLUS : RelativeLimit.Adjustment.MINUS,
                points.value());
    }

    /** A comma-separated list of by_status keys, such as {@code failureStatuses}; never empty. */
    public static List<String> statuses(String parameter, String value) throws InvalidConfigurationException {
        String accepted = "comma-separated by_status keys, e.g. failed or failed,not_picked";
        List<String> statuses = commaSeparated(value == null ? List.of() : List.of(value));
        if (statuses.isEmpty()) {
            throw invalid(parameter, value, "it is empty", accepted);
        }
        checkStatuses(parameter, value, statuses, accepted);
        return statuses;
    }

    private static void checkStatuses(String parameter, String value, List<String> statuses, String accepted)
            throws InvalidConfigurationException {
        for (String status : statuses) {
            if (!STATUS_KEY.matcher(status).matches()) {
                throw invalid(parameter, value, "'" + status + "' is not a by_status key", accepted);
            }
        }
        if (statuses.stream().distinct().count() != statuses.size()) {
            throw invalid(parameter, value, "a status is named twice", accepted);
        }
    }

    /** Whether a rule can name {@code status}: letters, digits, {@code _}, {@code .} and {@code -}. */
    public static boolean isStatusKey(String status) {
        return STATUS_KEY.matcher(status).matches();
    }

    /** Splits comma-separated entries (as given on the command line), dropping blanks. */
    public static List<String> commaSeparated(List<String> values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String entry : value.split(",")) {
                        if (!entry.isBlank()) {
                            entries.add(entry.trim());
                        }
                    }
                }
            }
        }
        return entries;
    }

    public static long positiveLong(String parameter, String value, String what) throws InvalidConfigurationException {
        return positiveLong(parameter, value, what, Long.MAX_VALUE);
    }

    /** A whole number from 1 to {@code max}: {@code max} is the largest the gate's arithmetic holds for it. */
    public static long positiveLong(String parameter, String value, String what, long max)
            throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        String accepted = "a positive whole number (" + what + ")";
        if (text.isEmpty()) {
            throw invalid(parameter, value, "it is empty", accepted);
        }
        String tooLarge = "too large, the largest accepted is " + max;
        String acceptedUpToLimit = "a positive whole number of at most " + max + " (" + what + ")";
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            if (text.matches("\\+?\\d+")) {
                throw invalid(parameter, value, tooLarge, acceptedUpToLimit);
            }
            throw invalid(
                    parameter,
                    value,
                    text.matches("-\\d+") ? "must be greater than zero" : "not a whole number",
                    accepted);
        }
        if (number <= 0) {
            throw invalid(parameter, value, "must be greater than zero", accepted);
        }
        if (number > max) {
            throw invalid(parameter, value, tooLarge, acceptedUpToLimit);
        }
        return number;
    }

    /** What a boolean parameter accepts: Maven itself reads every other text, {@code yes} and {@code 1} too, as false. */
    public static final String BOOLEAN_FORMS = "true or false";

    /**
     * {@code true} or {@code false} (in any case, around blanks), nothing else: Maven's own conversion reads
     * {@code yes}, {@code 1} and {@code on} as false, which would turn a gate off without a word.
     *
     * @param value the text as written; {@code null} (not set at all) gives {@code fallback}
     */
    public static boolean bool(String parameter, String value, boolean fallback) throws InvalidConfigurationException {
        if (value == null) {
            return fallback;
        }
        String text = value.trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(
                parameter,
                value,
                text.isEmpty() ? "it is empty" : "not a boolean, and Maven would read it" + " as false without a word",
                BOOLEAN_FORMS);
    }

    public static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type)
            throws InvalidConfigurationException {
        String text = value == null ? "" : value.trim();
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw invalid(
                parameter,
                value,
                text.isEmpty() ? "it is empty" : "unknown choice",
                "one of " + String.join(", ", names));
    }

    /** A wall-clock time as people read it in a log: "10:52:07 UTC", with the date when it is not today's. */
    public static String clockTime(Instant instant) {
        return clockTime(instant, Instant.now());
    }

    /** As {@link #clockTime(Instant)}, "today" being {@code now}'s date. */
    public static String clockTime(Instant instant, Instant now) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        boolean today = at.toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return (today ? "" : at.toLocalDate() + " ")
                + DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(at) + " UTC";
    }

    /** "90s", "15m", "1h30m", "1s500ms": the short form users write, and that {@link #duration} reads back. */
    public static String format(Duration duration) {
        StringBuilder text = new StringBuilder();
        if (duration.toDays() >= 2) {
            appendPart(text, duration.toDays(), "d");
            appendPart(text, duration.toHoursPart(), "h");
        } else {
            appendPart(text, duration.toHours(), "h");
        }
        appendPart(text, duration.toMinutesPart(), "m");
        appendPart(text, duration.toSecondsPart(), "s");
        appendPart(text, duration.toMillisPart(), "ms");
        return text.length() == 0 ? "0s" : text.toString();
    }

    /**
     * A duration the gate measured or computed (a pause, the time left before the deadline), as people read it:
     * whole seconds from 10s on ({@code 1m7s}), tenths of a second below ({@code 2s}, {@code 1.5s}), milliseconds
     * below a second ({@code 800ms}). Parameter values quoted back to the user keep {@link #format}, which is exact
     * and which {@link #duration} reads back.
     */
    public static String formatRounded(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return format(duration.isNegative() ? duration : Duration.ofMillis(millis));
        }
        if (millis < 9_950) {
            long tenths = (millis + 50) / 100;
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        return format(Duration.ofSeconds((millis + 500) / 1_000));
    }

    private static void appendPart(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static Result parseRatio(String text) {
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1).trim() : text;
        if (!NUMBER.matcher(number).matches()) {
            return Result.problem(text.startsWith("-") ? "must not be negative" : "is not a number");
        }
        BigDecimal value = new BigDecimal(number);
        if (percent) {
            value = value.movePointLeft(2);
        }
        if (value.compareTo(BigDecimal.ONE) > 0) {
            return Result.problem(percent ? "is above 100%" : "is above 1 (write 5% or 0.05 for five percent)");
        }
        return Result.ok(Ratio.of(value));
    }

    private record Result(Ratio ratio, String problem) {
        static Result ok(Ratio ratio) {
            return new Result(ratio, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }

        Ratio orElseThrow(Function<String, InvalidConfigurationException> failure)
                throws InvalidConfigurationException {
            if (ratio == null) {
                throw failure.apply(problem);
            }
            return ratio;
        }
    }
}
