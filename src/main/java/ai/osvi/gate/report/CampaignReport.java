package ai.osvi.gate.report;

import ai.osvi.gate.config.GateConfig;
import ai.osvi.gate.result.CampaignResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One campaign's verdict as the outputs see it.
 *
 * @param name    the name of its report files ({@code campaign-7}, {@code campaign-7-advisory}): see
 *                {@link ReportNames}
 * @param written the files written for it so far, in order: the log's verdict block, written last, names them
 */
public record CampaignReport(CampaignResult result, GateConfig config, String name, List<Path> written) {

    public CampaignReport(CampaignResult result, GateConfig config, String name) {
        this(result, config, name, Collections.synchronizedList(new ArrayList<>()));
    }
}
