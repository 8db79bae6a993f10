package ai.osvi.gate.report;

import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Rule;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One campaign of a gate as the build's shared results hold it ({@link BuildResults}): what later jobs read of it,
 * without the classes of the result model, which another class realm would not share.
 *
 * @param callsTotal the last snapshot's {@code calls.total}, or {@code null} when none was received
 * @param rules      the rules judged on it, whose limits decide how many decimals a ratio needs
 * @param reportName the name of its reports in the gate's report folder ({@code campaign-7}), or {@code null}
 */
record RecordedCampaign(
        long campaignId,
        Verdict verdict,
        BuildOutcome outcome,
        String summaryLine,
        String campaignName,
        BigInteger callsTotal,
        Map<String, BigInteger> counts,
        List<Rule> rules,
        String reportName) {}
