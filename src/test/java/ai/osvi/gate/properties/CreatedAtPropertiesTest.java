package ai.osvi.gate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import ai.osvi.gate.FakeTime;
import ai.osvi.gate.Gate;
import ai.osvi.gate.RecordingLog;
import ai.osvi.gate.ScriptedSource;
import ai.osvi.gate.Snapshots;
import ai.osvi.gate.TestConfig;
import ai.osvi.gate.polling.AbortSignal;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * check-campaign on a running campaign, whatever form its created_at takes: RUNNING only when the date is read, not in
 * the future beyond the clock skew, and (with maxCampaignAge) not too old; never stuck at RUNNING on a date that cannot
 * be read or has not come.
 */
class CreatedAtPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:30:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** A created_at, in one of the forms an API plausibly sends, and the instant it means (null when none). */
    record Sent(String text, Instant meant) {}

    @Property(tries = 1_000)
    void a_check_is_running_only_on_a_date_it_could_read_and_that_has_come(
            @ForAll("createdAts") Sent sent, @ForAll boolean withMaxAge) {
        TestConfig config = new TestConfig();
        config.maxFailureRatio = "5%";
        config.maxCampaignAge = withMaxAge ? "6h" : null;
        FakeTime time = new FakeTime();
        ScriptedSource source = new ScriptedSource(time)
                .then(Snapshots.active()
                        .createdAt(sent.text())
                        .queues(19, true, false)
                        .calls("picked", 10));

        CampaignResult result = new Gate(config.parse(), source, time, new RecordingLog(), new AbortSignal(), () -> 0)
                .check(Clock.fixed(NOW, ZoneOffset.UTC));

        boolean future = sent.meant() != null && sent.meant().isAfter(NOW.plus(SKEW));
        boolean tooOld =
                sent.meant() != null && Duration.between(sent.meant(), NOW).compareTo(Duration.ofHours(6)) > 0;
        Verdict expected = future
                ? Verdict.ERROR
                : !withMaxAge
                        ? Verdict.RUNNING
                        : sent.meant() == null ? Verdict.ERROR : tooOld ? Verdict.TIMEOUT : Verdict.RUNNING;
        assertThat(result.verdict())
                .as(
                        "created_at '%s' (meaning %s), maxCampaignAge %s: %s",
                        sent.text(), sent.meant(), config.maxCampaignAge, result.summaryLine())
                .isEqualTo(expected);
        if (expected == Verdict.ERROR && sent.text() != null) {
            assertThat(String.join(" ", result.summary(), String.join(" ", result.details())))
                    .as("the error names the value received")
                    .contains(sent.text().strip());
        }
    }

    @Provide
    Arbitrary<Sent> createdAts() {
        Arbitrary<OffsetDateTime> when = Combinators.combine(
                        Arbitraries.longs().between(-3 * 24 * 3600, 80L * 365 * 24 * 3600),
                        Arbitraries.integers()
                                .between(-12 * 4, 14 * 4)
                                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 900)))
                .as((secondsBeforeNow, offset) ->
                        NOW.minusSeconds(secondsBeforeNow).atOffset(offset));
        Arbitrary<OffsetDateTime> nearNow = Arbitraries.longs()
                .between(-3600, 3600 * 8)
                .map(seconds -> NOW.minusSeconds(seconds).atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
        Arbitrary<OffsetDateTime> future = Arbitraries.longs()
                .between(60, 80L * 365 * 24 * 3600)
                .map(seconds -> NOW.plusSeconds(seconds).atOffset(ZoneOffset.UTC));
        Arbitrary<OffsetDateTime> date = Arbitraries.oneOf(when, nearNow, future);
        Arbitrary<Sent> readable = Combinators.combine(
                        date, Arbitraries.integers().between(0, 4))
                .as((at, form) -> new Sent(
                        switch (form) {
                            case 0 -> at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                            case 1 ->
                                at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                        .replace('T', ' ');
                            case 2 -> at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() + "Z";
                            case 3 ->
                                at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                        .toLowerCase();
                            default -> at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
                        },
                        at.toInstant()));
        Arbitrary<Sent> unreadable = Combinators.combine(
                        date, Arbitraries.integers().between(0, 3))
                .as((at, form) -> new Sent(
                        switch (form) {
                            case 0 -> at.toLocalDateTime().toString();
                            case 1 -> at.toLocalDateTime().toString().replace('T', ' ');
                            case 2 -> Long.toString(at.toEpochSecond());
                            default -> at.toLocalDate().toString();
                        },
                        null));
        return Arbitraries.frequencyOf(
                Tuple.of(6, readable), Tuple.of(3, unreadable), Tuple.of(1, Arbitraries.just(new Sent(null, null))));
    }
}
