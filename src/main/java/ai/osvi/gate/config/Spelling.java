package ai.osvi.gate.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds what a misspelt name was probably meant to be: "faild" → "failed", "osvi.maxFailRatio" → "osvi.maxFailureRatio". */
public final class Spelling {

    private Spelling() {
    }

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
        return candidates.stream().min(Comparator.comparingInt(candidate ->
                distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT))));
    }

    /** Typos allowed: one in a short name, two from four letters on, a quarter of the letters in long names. */
    private static int allowed(String word) {
        return word.length() < 4 ? 1 : Math.max(2, word.length() / 4);
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
