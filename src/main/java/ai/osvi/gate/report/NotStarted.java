package ai.osvi.gate.report;

/**
 * A gate that stopped before its first request (an invalid parameter, no usable token...).
 *
 * @param summaryLine its last log line: "OSVI gate: ERROR: invalid configuration (campaignId)"
 * @param reason      the build failure's message: what is wrong and how to fix it
 */
public record NotStarted(String summaryLine, String reason) {}
