package ai.osvi.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code GITHUB_OUTPUT} file the way the GitHub Actions runner does (actions/runner,
 * {@code src/Runner.Worker/FileCommandManager.cs}, {@code EnvFileKeyValuePairs}, as on Linux): line by line on
 * {@code \n}; empty lines skipped; a line whose first {@code =} comes before any {@code <<} is {@code NAME=VALUE};
 * a line whose {@code <<} comes first is {@code NAME<<DELIMITER}, the value being every following line up to the
 * first line equal to the delimiter, joined by their line feeds; a missing delimiter, an empty name or delimiter, or
 * a line with neither is an error that fails the step. A later output of the same name replaces an earlier one.
 */
public final class GithubOutputFile {

    private GithubOutputFile() {}

    public record Output(String name, String value) {}

    /** Every output in the order the runner sets them. */
    public static List<Output> parse(String text) {
        List<Output> outputs = new ArrayList<>();
        int[] index = {0};
        String line = readLine(text, index, null);
        while (line != null) {
            if (!line.isEmpty()) {
                int equals = line.indexOf('=');
                int heredoc = line.indexOf("<<");
                if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
                    String[] split = line.split("=", 2);
                    outputs.add(new Output(split[0], split[1]));
                } else if (heredoc >= 0 && (equals < 0 || heredoc < equals)) {
                    String[] split = line.split("<<", 2);
                    if (split[0].isEmpty() || split[1].isEmpty()) {
                        throw new IllegalArgumentException("Invalid format '" + line
                                + "'. Name must not be empty and delimiter must not be empty");
                    }
                    String delimiter = split[1];
                    int start = index[0];
                    int end = index[0];
                    String[] newline = new String[1];
                    String value = readLine(text, index, newline);
                    while (!delimiter.equals(value)) {
                        if (value == null) {
                            throw new IllegalArgumentException(
                                    "Invalid value. Matching delimiter not found '" + delimiter + "'");
                        }
                        if (newline[0] == null) {
                            throw new IllegalArgumentException("Invalid value. EOF marker missing new line.");
                        }
                        end = index[0] - newline[0].length();
                        value = readLine(text, index, newline);
                    }
                    outputs.add(new Output(split[0], end > start ? text.substring(start, end) : ""));
                } else {
                    throw new IllegalArgumentException("Invalid format '" + line + "'");
                }
            }
            line = readLine(text, index, null);
        }
        return outputs;
    }

    /** The outputs as the step ends with them: name to value, a later one replacing an earlier one. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output output : parse(Files.readString(file, StandardCharsets.UTF_8))) {
            outputs.put(output.name(), output.value());
        }
        return outputs;
    }

    private static String readLine(String text, int[] index, String[] newline) {
        if (index[0] >= text.length()) {
            if (newline != null) {
                newline[0] = null;
            }
            return null;
        }
        int from = index[0];
        int lf = text.indexOf('\n', from);
        if (lf < 0) {
            index[0] = text.length();
            if (newline != null) {
                newline[0] = null;
            }
            return text.substring(from);
        }
        index[0] = lf + 1;
        if (newline != null) {
            newline[0] = "\n";
        }
        return text.substring(from, lf);
    }
}
