package ai.osvi.gate.verdict;

import ai.osvi.gate.config.Spelling;
import ai.osvi.gate.config.Values;
import ai.osvi.gate.model.CallCounts;
import ai.osvi.gate.rules.Lookalikes;
import ai.osvi.gate.rules.Outlook;
import ai.osvi.gate.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether each status a rule names was matched exactly in {@code by_status}: a status counts as 0 only when nothing
 * reported could be it. A reported key that could be a rule's status without being it is a {@link Lookalike}; a rule's
 * status that is missing and a small edit away from a status reported or documented is misspelt in the rule.
 *
 * @param lookalikes each reported key that could be a rule's status, in the rules' order
 * @param misspelt   a message for each status of a rule that looks misspelt
 */
record StatusCheck(List<Lookalike> lookalikes, List<String> misspelt) {

    /**
     * A key of {@code by_status} that could be a rule's status.
     *
     * @param reported the keys as the API sent them (invisible characters escaped)
     * @param fix      how to write the rule so that it counts every spelling, or where to look when it cannot
     */
    record Lookalike(Rule rule, String status, List<String> reported, String fix, CallCounts calls) {

        /** {@code 'Failed' for 'failed'}, one per key. */
        String pair() {
            return String.join(
                    ", ",
                    reported.stream()
                            .map(key -> "'" + shown(key) + "' for '" + status + "'")
                            .toList());
        }

        /**
         * A reported key beside the status it could be: a letter beyond ASCII written as its escape, so that a
         * Cyrillic 'а' or a fullwidth 'ｆ' does not read as the status itself ({@code 'f\u0430iled' for 'failed'}).
         */
        private static String shown(String key) {
            StringBuilder shown = new StringBuilder(key.length());
            key.chars().forEach(c -> shown.append(c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
            return shown.toString();
        }

        String message() {
            String spellings = String.join(
                    " and ",
                    reported.stream()
                            .map(key -> "'" + shown(key) + "' (" + Counts.calls(calls.count(key)) + ")")
                            .toList());
            return "Rule '" + rule.describe() + "' (" + rule.origin() + ") names the status '" + status
                    + "'; the API reported " + spellings
                    + (calls.byStatus().containsKey(status) ? " beside '" + status + "'" : "")
                    + ", which could be the same status (it differs by case, '_', '-', '.', spaces, invisible or"
                    + " look-alike characters, or a typo). A rule counts only the spellings it names, so these calls"
                    + " would count as 0. " + fix + " Statuses reported: "
                    + String.join(", ", calls.byStatus().keySet()) + ".";
        }
    }

    static StatusCheck of(List<Rule> rules, CallCounts calls) {
        Set<String> named = new LinkedHashSet<>();
        rules.forEach(rule -> named.addAll(rule.statuses()));
        return new StatusCheck(lookalikes(rules, calls, named), misspelt(rules, calls));
    }

    /** Whether every status of every rule was matched exactly, with nothing reported that could be it. */
    boolean matched() {
        return lookalikes.isEmpty() && misspelt.isEmpty();
    }

    /**
     * Each status of a rule that {@code by_status} also reports, or only reports, in a look-alike spelling. A key that
     * some rule names is a status of its own, never another's look-alike: naming it is how a distinct status that
     * happens to look close is acknowledged.
     */
    private static List<Lookalike> lookalikes(List<Rule> rules, CallCounts calls, Set<String> named) {
        List<Lookalike> found = new ArrayList<>();
        for (Rule rule : rules) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (String status : rule.statuses()) {
                for (String key : calls.byStatus().keySet()) {
                    if (!named.contains(key)
                            && Lookalikes.couldBe(key, status, calls.byStatus().containsKey(status))) {
                        keys.computeIfAbsent(status, s -> new ArrayList<>()).add(key);
                    }
                }
            }
            if (!keys.isEmpty()) {
                String fix = fix(rule, keys, calls);
                keys.forEach((status, reported) -> found.add(new Lookalike(rule, status, reported, fix, calls)));
            }
        }
        return found;
    }

    /** The rule written with the API's spellings (and each exact one it also reports), when a rule can name them. */
    private static String fix(Rule rule, Map<String, List<String>> found, CallCounts calls) {
        List<String> statuses = new ArrayList<>();
        for (String status : rule.statuses()) {
            if (!found.containsKey(status) || calls.byStatus().containsKey(status)) {
                statuses.add(status);
            }
            statuses.addAll(found.getOrDefault(status, List.of()));
        }
        if (!statuses.stream().allMatch(Values::isStatusKey)) {
            return "A rule can only name statuses of letters, digits, '_', '.' and '-': check the campaign in OSVI.";
        }
        return "Name the status as the API does: "
                + (rule.origin().equals("maxFailureRatio")
                        ? "failureStatuses=" + String.join(",", statuses)
                        : rule.origin() + " '" + String.join("+", statuses) + " "
                                + rule.operator().symbol() + " " + rule.writtenLimit() + "'")
                + ". If it is a different status, name it in a rule of its own to say so.";
    }

    /**
     * A message for each status of a rule that {@code by_status} lacks and that is a small edit away from a status it
     * has or a documented one: a typo in the rule would otherwise count as 0 calls and pass an upper-bound rule.
     */
    private static List<String> misspelt(List<Rule> rules, CallCounts calls) {
        Set<String> known = new LinkedHashSet<>(calls.byStatus().keySet());
        known.addAll(Outlook.DOCUMENTED_STATUSES);
        List<String> messages = new ArrayList<>();
        for (Rule rule : rules) {
            for (String status : rule.statuses()) {
                if (!calls.byStatus().containsKey(status)) {
                    Spelling.closeTo(status, known)
                            .ifPresent(meant -> messages.add("Rule '" + rule.describe()
                                    + "' (" + rule.origin() + ") names the status '" + status
                                    + "', which the API did not"
                                    + " report: did you mean " + meant + "? Statuses reported: "
                                    + (calls.byStatus().isEmpty()
                                            ? "none"
                                            : String.join(", ", calls.byStatus().keySet()))
                                    + "."));
                }
            }
        }
        return messages;
    }
}
