package ai.osvi.gate.result;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checklist a PASS is the conclusion of: each item true or false, with its numbers. A campaign passes only when
 * every item holds; the first that does not is what the verdict names.
 */
public record Evidence(List<Check> checks) {

    /** The items, in the order they are checked and shown. */
    public enum Item {
        CAMPAIGN_MATCHED("the snapshot is the campaign asked for (data.campaign.id), created before a check's clock"),
        QUEUES_COMPLETED("every queue of every awaited upload completed, no awaited upload without queues"),
        SNAPSHOT_IN_TIME("the last snapshot received within the deadline"),
        CALLS_ACCOUNTED_FOR("every call accounted for: by_status sums to calls.total"),
        STATUSES_MATCHED("each deciding rule's status matched exactly, nothing reported that could be it"),
        ENOUGH_CALLS("at least minCalls calls"),
        CONFIGURATION_STRICT("the configuration read strictly"),
        RULES_HELD("every rule held on the final counts");

        private final String claim;

        Item(String claim) {
            this.claim = claim;
        }

        /** What the item asserts, as the verdict page of the docs lists it. */
        public String claim() {
            return claim;
        }

        /** The JSON report's name: {@code queuesCompleted}. */
        public String key() {
            StringBuilder key = new StringBuilder();
            boolean upper = false;
            for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    key.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return key.toString();
        }
    }

    /** One item: whether it holds, and the numbers that show it ("3/3 queues completed"). */
    public record Check(Item item, boolean holds, String numbers) {}

    public Evidence {
        checks = List.copyOf(checks);
        if (checks.size() != Item.values().length) {
            throw new IllegalArgumentException("a checklist has every item once, not " + checks.size());
        }
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).item() != Item.values()[i]) {
                throw new IllegalArgumentException(
                        "item " + i + " is " + checks.get(i).item());
            }
        }
    }

    public boolean allHold() {
        return checks.stream().allMatch(Check::holds);
    }

    /** The first item that does not hold, if any. */
    public Optional<Check> firstUnproven() {
        return checks.stream().filter(check -> !check.holds()).findFirst();
    }
}
