package ai.osvi.gate.report.files;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.model.CampaignStatus;
import ai.osvi.gate.polling.WaitResult;
import ai.osvi.gate.report.CampaignReport;
import ai.osvi.gate.report.NotStarted;
import ai.osvi.gate.report.ReportContext;
import ai.osvi.gate.report.ReportContext.Output;
import ai.osvi.gate.report.ReportNames;
import ai.osvi.gate.result.BuildOutcome;
import ai.osvi.gate.result.CampaignResult;
import ai.osvi.gate.result.Verdict;
import ai.osvi.gate.rules.RuleResult;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code TEST-osvi-campaign-<id>.xml}: JUnit XML as Jenkins' junit step and GitLab's junit reports read it, one test
 * case for completion, one per rule; a breach is a failure carrying "actual vs limit", a rule that could not be judged
 * is skipped, a gate that could not decide is an error. A gate that could not start writes
 * {@value ReportNames#NOT_STARTED_JUNIT}, one test case in error saying why.
 */
public final class JunitReport implements Output {

    @Override
    public String describe() {
        return "the JUnit report";
    }

    @Override
    public void campaign(ReportContext context, CampaignReport campaign) throws IOException {
        if (context.directory() == null) {
            return;
        }
        String xml = document(
                campaign.result(),
                campaign.config(),
                context.clock().instant(),
                context.simulation(),
                ReportNames.suite(campaign.name()));
        campaign.written()
                .add(context.sink().replace(ReportNames.junitFile(context.directory(), campaign.name()), xml));
    }

    @Override
    public void notStarted(ReportContext context, NotStarted gate) throws IOException {
        if (context.directory() != null) {
            context.sink()
                    .replace(
                            context.directory().resolve(ReportNames.NOT_STARTED_JUNIT),
                            notStartedDocument(gate, context.clock().instant()));
        }
    }

    /** @param suite the test suite's name, {@link ReportNames#suite} */
    static String document(
            CampaignResult result, GateConfig config, Instant finishedAt, String simulation, String suite) {
        WaitResult wait = result.waitResult();
        List<RuleResult> judged = result.ruleResults();
        String completion = completion(result);
        int failures = (int) judged.stream().filter(RuleResult::fails).count() + ("failure".equals(completion) ? 1 : 0);
        int errors = "error".equals(completion) ? 1 : 0;
        int skipped = (judged.isEmpty() ? config.rules().size() : 0) + ("skipped".equals(completion) ? 1 : 0);
        XmlWriter xml = new XmlWriter();
        String time = JsonReport.seconds(wait.elapsed().toMillis()).toPlainString();
        suiteStart(xml, suite, 1 + config.rules().size(), failures, errors, skipped, time);
        xml.attribute("timestamp", timestamp(finishedAt.minus(wait.elapsed())));
        xml.text("\n  ");
        xml.start("properties");
        property(xml, "verdict", result.verdict().name());
        property(xml, "buildOutcome", result.outcome().name());
        property(xml, "summary", result.summaryLine());
        if (simulation != null) {
            property(xml, "simulation", simulation);
        }
        property(xml, "polls", Integer.toString(wait.polls()));
        property(xml, "pollErrors", Integer.toString(wait.errors()));
        if (wait.lastSnapshot() != null) {
            property(
                    xml,
                    "calls.total",
                    Long.toString(wait.lastSnapshot().calls().total()));
        }
        xml.text("\n  ");
        xml.end();
        completionCase(xml, result, config, suite, completion, time);
        for (int i = 0; i < config.rules().size(); i++) {
            ruleCase(xml, result, suite, config.rules().get(i).describe(), judged.isEmpty() ? null : judged.get(i));
        }
        xml.text("\n");
        xml.end();
        xml.text("\n");
        return xml.toString();
    }

    /**
     * What the completion test case carries: whatever made the build fail other than a breached rule, so that the CI
     * test tab never shows green beside a failed build. A timeout or an inconclusive result is a failure (the gate's
     * answer was no), anything the gate could not decide on is an error; {@code null} for a test that passed.
     */
    private static String completion(CampaignResult result) {
        return switch (result.verdict()) {
            case ERROR, STALLED, ABORTED -> "error";
            case TIMEOUT -> "failure";
            case INCONCLUSIVE -> result.outcome() == BuildOutcome.FAIL ? "failure" : null;
            // not complete yet, which a later check decides: not a test that passed, nor one that failed
            case RUNNING -> result.outcome() == BuildOutcome.FAIL ? "failure" : "skipped";
            default ->
                switch (result.waitResult().outcome()) {
                    case COMPLETED -> null;
                    case TIMED_OUT -> "failure";
                    default -> "error";
                };
        };
    }

    private static void completionCase(
            XmlWriter xml, CampaignResult result, GateConfig config, String suite, String completion, String time) {
        xml.text("\n  ");
        xml.start("testcase");
        xml.attribute("classname", suite);
        xml.attribute("name", "campaign " + result.campaignId() + " completed");
        xml.attribute("time", time);
        if (completion != null) {
            CampaignStatus snapshot = result.waitResult().lastSnapshot();
            boolean complete = snapshot != null && snapshot.isComplete(config.uploadId());
            String type = "skipped".equals(completion)
                    ? null
                    : result.verdict() == Verdict.INCONCLUSIVE
                            ? "INCONCLUSIVE"
                            : !complete
                                    ? result.waitResult().outcome().name()
                                    : result.verdict() == Verdict.ERROR ? "ERROR" : "Verdict";
            element(xml, completion, type, result.summaryLine(), String.join("\n", result.details()));
        }
        xml.end();
    }

    /** @param judged the rule's result, or {@code null} when no rule was judged */
    private static void ruleCase(XmlWriter xml, CampaignResult result, String suite, String rule, RuleResult judged) {
        xml.text("\n  ");
        xml.start("testcase");
        xml.attribute("classname", suite);
        xml.attribute("name", rule);
        xml.attribute("time", "0");
        if (judged == null) {
            element(xml, "skipped", null, "not judged: " + result.summary(), null);
        } else if (judged.fails()) {
            element(
                    xml,
                    "failure",
                    "RuleBreached",
                    judged.breachMessage(),
                    "actual " + judged.shownActual() + " vs limit " + judged.shownLimit() + " (" + judged.count()
                            + " of " + judged.total() + " calls), " + judged.words());
        } else if (judged.breachedAdvisory()) {
            // judged and shown, but a test that fails would make the CI's build unstable
            xml.start("system-out");
            xml.text(judged.words() + ": " + judged.breachMessage() + "; it does not change the verdict.");
            xml.end();
        }
        xml.end();
    }

    /** One test case, in error, whose message is the summary line and whose body is the reason, with its fix. */
    static String notStartedDocument(NotStarted gate, Instant finishedAt) {
        XmlWriter xml = new XmlWriter();
        suiteStart(xml, "osvi.campaign.not-started", 1, 0, 1, 0, "0");
        xml.attribute("timestamp", timestamp(finishedAt));
        xml.text("\n  ");
        xml.start("properties");
        property(xml, "verdict", "ERROR");
        property(xml, "buildOutcome", "ERROR");
        property(xml, "summary", gate.summaryLine());
        xml.text("\n  ");
        xml.end();
        xml.text("\n  ");
        xml.start("testcase");
        xml.attribute("classname", "osvi.campaign.not-started");
        xml.attribute("name", "the gate started");
        xml.attribute("time", "0");
        element(xml, "error", "NotStarted", gate.summaryLine(), gate.reason());
        xml.end();
        xml.text("\n");
        xml.end();
        xml.text("\n");
        return xml.toString();
    }

    private static void suiteStart(
            XmlWriter xml, String name, int tests, int failures, int errors, int skipped, String time) {
        xml.start("testsuite");
        xml.attribute("name", name);
        xml.attribute("tests", Integer.toString(tests));
        xml.attribute("failures", Integer.toString(failures));
        xml.attribute("errors", Integer.toString(errors));
        xml.attribute("skipped", Integer.toString(skipped));
        xml.attribute("time", time);
    }

    private static String timestamp(Instant start) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                start.atOffset(ZoneOffset.UTC).withNano(0));
    }

    private static void property(XmlWriter xml, String name, String value) {
        xml.text("\n    ");
        xml.start("property").attribute("name", name).attribute("value", value).end();
    }

    private static void element(XmlWriter xml, String name, String type, String message, String body) {
        xml.start(name);
        if (type != null) {
            xml.attribute("type", type);
        }
        xml.attribute("message", message);
        if (body != null && !body.isEmpty()) {
            xml.text(body);
        }
        xml.end();
    }
}
