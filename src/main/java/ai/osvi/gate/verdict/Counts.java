package ai.osvi.gate.verdict;

import java.math.BigInteger;

/** How the verdict's messages say a number of calls: "1 call", "120 calls". */
final class Counts {

    private Counts() {
    }

    static String calls(long total) {
        return total + (total == 1 ? " call" : " calls");
    }

    static String calls(BigInteger total) {
        return total + (BigInteger.ONE.equals(total) ? " call" : " calls");
    }
}
