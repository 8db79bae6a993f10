package ai.osvi.gate.verdict;

import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.Campaign;
import ai.osvi.gate.model.CampaignStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A campaign's {@code created_at} as a check reads it: the text the API sent, and the campaign's age at {@code now}
 * when that text is a date-time with an offset.
 *
 * @param text the value the API sent, or {@code null} when it sent none
 * @param age  from {@code created_at} to now (negative when in the future), or {@code null} when unreadable
 */
record CreatedAt(String text, Duration age) {

    /** How far in the future a campaign's {@code created_at} may be before a check calls the data wrong. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static CreatedAt of(Campaign campaign, Instant now) {
        Duration age = campaign.createdAt() == null
                ? null
                : Duration.between(campaign.createdAt().toInstant(), now);
        return new CreatedAt(campaign.createdAtText(), age);
    }

    /** Whether it is later than the clock it was read with, by more than {@link #CLOCK_SKEW}. */
    boolean inTheFuture() {
        return age != null && age.negated().compareTo(CLOCK_SKEW) > 0;
    }

    /** Why {@link #text} could not be read. */
    String problem() {
        return Campaign.dateTimeProblem(text);
    }

    /** "12 min" left at the rate since the campaign was created, or empty when the data supports no estimate. */
    Optional<String> timeLeft(CampaignStatus snapshot) {
        Optional<BigInteger> queued = snapshot.totalQueued();
        long made = snapshot.calls().total();
        if (age == null
                || age.isNegative()
                || age.isZero()
                || queued.isEmpty()
                || made <= 0
                || queued.get().compareTo(BigInteger.valueOf(made)) <= 0
                || queued.get().bitLength() > 62) {
            return Optional.empty();
        }
        double left = age.toSeconds() * ((queued.get().doubleValue() - made) / made);
        return Optional.of(Values.formatRounded(Duration.ofSeconds(Math.max(60, Math.round(left / 60) * 60))));
    }
}
