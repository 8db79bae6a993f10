package ai.osvi.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow command read from a step's standard output the way the GitHub Actions runner does (actions/runner,
 * {@code src/Runner.Common/ActionCommand.cs}, {@code TryParseV2}): a line that starts with {@code ::}, the command up
 * to the first space or {@code ::}, comma-separated {@code key=value} properties, the data after the next
 * {@code ::}; properties unescape {@code %0D %0A %3A %2C %25}, data {@code %0D %0A %25}, in that order.
 */
public record WorkflowCommand(String command, Map<String, String> properties, String data) {

    /** Every workflow command among {@code lines}, in order. */
    public static List<WorkflowCommand> in(List<String> lines) {
        List<WorkflowCommand> commands = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("::") && trimmed.indexOf("::", 2) > 0) {
                commands.add(parse(trimmed));
            }
        }
        return commands;
    }

    public static WorkflowCommand parse(String line) {
        int end = line.indexOf("::", 2);
        if (!line.startsWith("::") || end < 0) {
            throw new IllegalArgumentException("not a workflow command: " + line);
        }
        String head = line.substring(2, end);
        int space = head.indexOf(' ');
        Map<String, String> properties = new LinkedHashMap<>();
        if (space > 0) {
            for (String property : head.substring(space + 1).split(",")) {
                String[] pair = property.split("=", 2);
                if (pair.length == 2 && !pair[0].isEmpty()) {
                    properties.put(pair[0], unescapeProperty(pair[1]));
                }
            }
        }
        return new WorkflowCommand(
                space > 0 ? head.substring(0, space) : head, properties, unescapeData(line.substring(end + 2)));
    }

    private static String unescapeData(String text) {
        return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private static String unescapeProperty(String text) {
        return text.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%");
    }
}
