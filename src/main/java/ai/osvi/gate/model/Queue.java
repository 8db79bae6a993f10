package ai.osvi.gate.model;

/** One calling queue of an upload. {@code totalQueued} is {@code null} when the API left it out. */
public record Queue(String agentUuid, Long totalQueued, boolean completed) {
}
