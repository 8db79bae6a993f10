package ai.osvi.gate.report;

import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.Percentages;
import ai.osvi.gate.rules.Rule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results as plain values for later steps and jobs, one set per campaign and one for the whole build (see
 * {@link BuildResults}): what the project properties, the GitHub step outputs and the GitLab dotenv report publish,
 * each in its own naming. With several campaigns the build's set has the worst verdict and outcome, the sum of the
 * calls and the ratios of the summed counts; with one campaign it is that campaign's set.
 *
 * @param campaignId   the campaign, or {@code null} for the combined set of several campaigns
 * @param summaryLine  "OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 200 calls"; it may quote the API
 * @param campaignName the campaign's name as the API sent it, or {@code null}: text from the API
 * @param callsTotal   {@code calls.total}, or {@code null} when no snapshot was received
 * @param counts       the {@code by_status} counts, in the API's order; keys are text from the API
 * @param ratios       count / total per status (none when the total is 0 or unknown): at least
 *                     {@link #MIN_RATIO_DECIMALS} decimals, and as many more as a judged rule on that status needs
 *                     never to read as passing beside a FAIL ({@link Percentages#consistentRatio})
 * @param reportDirectory where the campaign's JSON and JUnit reports are, or {@code null}
 * @param reportName   the name of the campaign's reports there ({@code campaign-7}, or {@code campaign-7-<gate>} when
 *                     another gate of the build wrote campaign 7 there first), or {@code null}
 */
public record ResultValues(
        Long campaignId,
        Verdict verdict,
        BuildOutcome outcome,
        String summaryLine,
        String campaignName,
        BigInteger callsTotal,
        Map<String, BigInteger> counts,
        Map<String, BigDecimal> ratios,
        Path reportDirectory,
        String reportName) {

    public static final int MIN_RATIO_DECIMALS = 6;

    public ResultValues {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    }

    /**
     * One campaign's values.
     *
     * @param judged every result of the same set, whose judged rules decide how many decimals a ratio needs
     */
    static ResultValues of(RecordedCampaign result, Path reportDirectory, List<RecordedCampaign> judged) {
        return new ResultValues(
                result.campaignId(),
                result.verdict(),
                result.outcome(),
                result.summaryLine(),
                result.campaignName(),
                result.callsTotal(),
                result.counts(),
                ratios(result.callsTotal(), result.counts(), judgedRules(judged)),
                reportDirectory,
                result.reportName() == null ? ReportNames.baseName(result.campaignId()) : result.reportName());
    }

    /** The values of several campaigns together: the given verdict and outcome, the sums of their calls. */
    static ResultValues combined(
            Verdict verdict,
            BuildOutcome outcome,
            String summaryLine,
            List<ResultValues> campaigns,
            List<RecordedCampaign> judged) {
        BigInteger total = null;
        Map<String, BigInteger> counts = new LinkedHashMap<>();
        for (ResultValues one : campaigns) {
            if (one.callsTotal() != null) {
                total = (total == null ? BigInteger.ZERO : total).add(one.callsTotal());
                one.counts().forEach((status, count) -> counts.merge(status, count, BigInteger::add));
            }
        }
        return new ResultValues(
                null,
                verdict,
                outcome,
                summaryLine,
                null,
                total,
                counts,
                ratios(total, counts, judgedRules(judged)),
                null,
                null);
    }

    /** A verdict, an outcome and a summary line, without calls: a gate's own values beside the build's. */
    static ResultValues verdictOnly(Verdict verdict, BuildOutcome outcome, String summaryLine) {
        return new ResultValues(null, verdict, outcome, summaryLine, null, null, Map.of(), Map.of(), null, null);
    }

    private static Map<String, BigDecimal> ratios(BigInteger total, Map<String, BigInteger> counts, List<Rule> rules) {
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        if (total != null && total.signum() > 0) {
            counts.forEach((status, count) -> {
                List<Rule> onThisStatus = rules.stream()
                        .filter(rule -> rule.statuses().equals(List.of(status)))
                        .toList();
                ratios.put(status, Percentages.consistentRatio(count, total, MIN_RATIO_DECIMALS, onThisStatus));
            });
        }
        return ratios;
    }

    /** The rules judged on any campaign: a published ratio never contradicts one of them. */
    private static List<Rule> judgedRules(List<RecordedCampaign> results) {
        List<Rule> rules = new ArrayList<>();
        for (RecordedCampaign result : results) {
            rules.addAll(result.rules());
        }
        return rules;
    }

    /** Where the campaign's JSON report is, or {@code null} when no report was written. */
    public Path jsonReport() {
        return reportDirectory == null || reportName == null ? null : ReportNames.jsonFile(reportDirectory, reportName);
    }

    /** Where the campaign's JUnit report is, or {@code null} when no report was written. */
    public Path junitReport() {
        return reportDirectory == null || reportName == null
                ? null
                : ReportNames.junitFile(reportDirectory, reportName);
    }
}
