package ai.osvi.gate.config;

import ai.osvi.gate.rules.Lookalikes;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds what a misspelt name was probably meant to be: "faild" → "failed", "osvi.maxFailRatio" → "osvi.maxFailureRatio". */
public final class Spelling {

    private Spelling() {}

    /** The candidate closest to {@code word}, if any is within a small edit distance of it (a case change is one). */
    public static Optional<String> closeTo(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance > 0 && bestDistance <= allowed(word) ? Optional.of(best) : Optional.empty();
    }

    /** The closest candidate whatever the distance, for a "did you mean" on a name that must be one of them. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(
                        candidate -> distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))));
    }

    /** Typos allowed: one in a short name, two from four letters on, a quarter of the letters in long names. */
    private static int allowed(String word) {
        return word.length() < 4 ? 1 : Math.max(2, word.length() / 4);
    }

    static int distance(String a, String b) {
        return Lookalikes.distance(a, b);
    }
}
