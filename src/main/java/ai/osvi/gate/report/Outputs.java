package ai.osvi.gate.report;

import ai.osvi.gate.report.ReportContext.Output;
import java.io.IOException;

/**
 * Runs every output of a gate at one moment, with one error policy: an output that fails is named in a warning and
 * the others are still written. A report that could not be written never changes the verdict.
 */
public final class Outputs {

    private Outputs() {}

    /** Every output's {@link Output#campaign}; the log's verdict block, written last, names the files written. */
    public static void campaign(ReportContext context, CampaignReport campaign) {
        each(context, " of campaign " + campaign.result().campaignId(), output -> output.campaign(context, campaign));
    }

    /**
     * Every output's {@link Output#build}.
     *
     * @return whether one of them logged a warning
     */
    public static boolean build(ReportContext context, BuildResults.View build) {
        int before = context.sink().warnings();
        each(context, "", output -> output.build(context, build));
        return context.sink().warnings() > before;
    }

    /** Every output's {@link Output#notStarted}. */
    public static void notStarted(ReportContext context, NotStarted gate) {
        each(context, "", output -> output.notStarted(context, gate));
    }

    private interface Step {
        void write(Output output) throws IOException;
    }

    private static void each(ReportContext context, String about, Step step) {
        for (Output output : context.outputs()) {
            try {
                step.write(output);
            } catch (IOException | RuntimeException e) {
                context.sink().warn("Could not write " + output.describe() + about + ": " + e.getMessage());
            }
        }
    }
}
