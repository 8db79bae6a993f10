package ai.osvi.gate.rules;

import ai.osvi.gate.log.InvisibleCharacters;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a status the API reported could be a status a rule names, though not byte-equal to it: a rule counts only
 * the key it names, so calls under a look-alike key would count as 0 for it.
 */
public final class Lookalikes {

    /** Cyrillic and Greek lower-case letters that look like Latin ones, after case folding. */
    private static final Map<Integer, Character> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry((int) 'а', 'a'),
            Map.entry((int) 'в', 'b'),
            Map.entry((int) 'г', 'r'),
            Map.entry((int) 'д', 'd'),
            Map.entry((int) 'е', 'e'),
            Map.entry((int) 'ё', 'e'),
            Map.entry((int) 'з', '3'),
            Map.entry((int) 'и', 'u'),
            Map.entry((int) 'к', 'k'),
            Map.entry((int) 'м', 'm'),
            Map.entry((int) 'н', 'h'),
            Map.entry((int) 'о', 'o'),
            Map.entry((int) 'п', 'n'),
            Map.entry((int) 'р', 'p'),
            Map.entry((int) 'с', 'c'),
            Map.entry((int) 'т', 't'),
            Map.entry((int) 'у', 'y'),
            Map.entry((int) 'х', 'x'),
            Map.entry((int) 'ь', 'b'),
            Map.entry((int) 'ѕ', 's'),
            Map.entry((int) 'і', 'i'),
            Map.entry((int) 'ї', 'i'),
            Map.entry((int) 'ј', 'j'),
            Map.entry((int) 'ԁ', 'd'),
            Map.entry((int) 'ԛ', 'q'),
            Map.entry((int) 'ԝ', 'w'),
            Map.entry((int) 'һ', 'h'),
            Map.entry((int) 'ӏ', 'l'),
            Map.entry((int) 'ɡ', 'g'),
            Map.entry((int) 'α', 'a'),
            Map.entry((int) 'β', 'b'),
            Map.entry((int) 'γ', 'y'),
            Map.entry((int) 'ε', 'e'),
            Map.entry((int) 'ζ', 'z'),
            Map.entry((int) 'η', 'n'),
            Map.entry((int) 'ι', 'i'),
            Map.entry((int) 'κ', 'k'),
            Map.entry((int) 'μ', 'u'),
            Map.entry((int) 'ν', 'v'),
            Map.entry((int) 'ο', 'o'),
            Map.entry((int) 'ρ', 'p'),
            Map.entry((int) 'τ', 't'),
            Map.entry((int) 'υ', 'u'),
            Map.entry((int) 'χ', 'x'),
            Map.entry((int) 'ω', 'w'),
            Map.entry((int) 'ς', 'c'));

    private Lookalikes() {}

    /**
     * Whether {@code reported} (a {@code by_status} key as the gate keeps it, escaped by {@link InvisibleCharacters}) could be
     * {@code status} without being it: the same once control, format and space characters are removed, NFKC folded
     * (fullwidth letters), case folded, {@code _ - .} and spaces taken as one, and Cyrillic and Greek look-alikes read
     * as Latin; or, when the API did not report {@code status} itself, a small edit away from it ({@code faild}).
     *
     * @param statusReported whether {@code by_status} also holds {@code status} exactly
     */
    public static boolean couldBe(String reported, String status, boolean statusReported) {
        if (reported.equals(status)) {
            return false;
        }
        String key = canonical(InvisibleCharacters.unescaped(reported));
        String named = canonical(status);
        if (key.equals(named)) {
            return true;
        }
        if (statusReported || key.isEmpty()) {
            return false;
        }
        int allowed = named.length() < 4 ? 0 : named.length() < 8 ? 1 : 2;
        return distance(key, named) <= allowed;
    }

    /** The form in which look-alikes are equal. */
    static String canonical(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder canonical = new StringBuilder();
        folded.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c == '_'
                    || c == '-'
                    || c == '.'
                    || c == '\u2010'
                    || c == '\u2011'
                    || c == '\u2012'
                    || c == '\u2013'
                    || c == '\u2014'
                    || c == '\u2212') {
                return;
            }
            int lower = Character.toLowerCase(Character.toUpperCase(c));
            Character latin = LATIN_LOOKALIKES.get(lower);
            canonical.appendCodePoint(latin == null ? lower : latin);
        });
        return canonical.toString().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit (optimal string alignment). */
    public static int distance(String a, String b) {
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
