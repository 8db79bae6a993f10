package ai.osvi.gate.verdict;

/** How the verdict's messages say a number of calls: "1 call", "120 calls". */
final class Counts {

    private Counts() {}

    static String calls(long total) {
        return total + (total == 1 ? " call" : " calls");
    }
}
