package ai.osvi.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Markdown pages are read on GitHub as much as in the site: every relative link and image in them leads to a file
 * of the repository, never to one that only a site build writes (a goal page, a report).
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)|(?:src|href)=\"([^\"]+)\"");

    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\n]*`", Pattern.DOTALL);

    @Test
    void every_relative_link_of_a_page_should_lead_to_a_file_of_the_repository() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> site = Files.list(Path.of("src/site/markdown"))) {
            site.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(CODE.matcher(Files.readString(page)).replaceAll(""));
            while (link.find()) {
                String target = (link.group(1) != null ? link.group(1) : link.group(2)).replaceAll("#.*", "");
                if (!target.isEmpty()
                        && !target.matches("[a-zA-Z][a-zA-Z+.-]*:.*")
                        && !Files.exists(page.toAbsolutePath()
                                .getParent()
                                .resolve(target)
                                .normalize())) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(10);
        assertThat(broken).isEmpty();
    }
}
