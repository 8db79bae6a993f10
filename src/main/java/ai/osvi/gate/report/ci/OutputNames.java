package ai.osvi.gate.report.ci;

import ai.osvi.gate.log.InvisibleCharacters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Names for values built from text of the API ({@code by_status} keys) or from gates' names in CI channels that
 * accept only some characters, and the rule for keys that end up with the same name: both are left out, never one
 * silently overwriting the other.
 */
final class OutputNames {

    private OutputNames() {}

    /** A by_status key that gives no name of its own, and why. */
    record LeftOut(String name, List<String> statuses) {

        String reason() {
            return name.isEmpty()
                    ? "the by_status key " + quote(statuses.get(0)) + " gives no usable name"
                    : "the by_status keys "
                            + String.join(
                                    " and ",
                                    statuses.stream().map(OutputNames::quote).toList()) + " give the same name";
        }

        /** Why a gate's values were left out: {@code statuses} are then the gates' names. */
        String gateReason() {
            return (name.isEmpty()
                            ? "the gate " + quote(statuses.get(0)) + " gives no usable name"
                            : "the gates "
                                    + String.join(
                                            " and ",
                                            statuses.stream()
                                                    .map(OutputNames::quote)
                                                    .toList()) + " give the same name")
                    + " (their verdicts still count in the build's; give the executions ids that differ in more"
                    + " than punctuation)";
        }
    }

    /**
     * The name of each status, for the statuses whose name no other status shares; the others go to {@code leftOut}.
     *
     * @param toName makes a name of a status (and of the name, redacted again: see {@link #clean})
     */
    static Map<String, String> unique(
            Collection<String> statuses, UnaryOperator<String> toName, List<LeftOut> leftOut) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String status : statuses) {
            byName.computeIfAbsent(toName.apply(status), name -> new ArrayList<>())
                    .add(status);
        }
        Map<String, String> names = new LinkedHashMap<>();
        byName.forEach((name, sharing) -> {
            if (name.isEmpty() || sharing.size() > 1) {
                leftOut.add(new LeftOut(name, sharing));
            } else {
                names.put(sharing.get(0), name);
            }
        });
        return names;
    }

    /** A GitHub output name: lower case, {@code [a-z0-9_-]}, any other character replaced by {@code _}. */
    static String github(String text) {
        return replaceOthers(text.toLowerCase(Locale.ROOT), "abcdefghijklmnopqrstuvwxyz0123456789_-");
    }

    /** A dotenv key: upper case, {@code [A-Z0-9_]}, any other character replaced by {@code _}. */
    static String dotenv(String text) {
        return replaceOthers(text.toUpperCase(Locale.ROOT), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    }

    private static String replaceOthers(String text, String allowed) {
        StringBuilder name = new StringBuilder();
        text.codePoints().forEach(c -> name.append(c < 128 && allowed.indexOf(c) >= 0 ? (char) c : '_'));
        return name.toString();
    }

    /**
     * {@code text} redacted, then made acceptable by {@code sanitiser}, twice: a sanitiser that joins or replaces
     * characters could make the token out of what was not the token.
     */
    static String clean(String text, UnaryOperator<String> redactor, UnaryOperator<String> sanitiser) {
        return sanitiser.apply(redactor.apply(sanitiser.apply(redactor.apply(text))));
    }

    /** Text from the API in a log line: quoted, with every control character escaped, so it cannot forge a line. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (InvisibleCharacters.isInvisible(c)) {
                quoted.append(InvisibleCharacters.escaped(Character.toString(c)));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
