package dev.basalt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's fenced code blocks marked {@code <!-- test: NAME -->} on the line before (see the comment at the top
 * of README.md), for the Java tests that run them as written; compat/test/readme-blocks.mjs reads the same markers
 * for the SDK suite, which also checks that every such NAME is claimed by a test.
 */
public final class ReadmeBlocks {
    private static final Path README = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*test\\s*:\\s*(.*?)\\s*-->\\s*$");

    /** One block: its language and its text, without the fence's indentation. */
    public record Block(String lang, String code) {
    }

    private ReadmeBlocks() {
    }

    /** The blocks marked {@code <!-- test: name -->}, in README order; fails when there is none. */
    public static List<Block> marked(String name) throws IOException {
        List<String> lines = Files.readAllLines(README);
        List<Block> found = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            Matcher marker = MARKER.matcher(lines.get(i - 1));
            if (!open.matches() || !marker.matches() || !marker.group(1).equals(name)) {
                continue;
            }
            int indent = open.group(1).length();
            StringBuilder code = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
                String line = lines.get(j);
                code.append(line.substring(Math.min(indent, line.length() - line.stripLeading().length()))).append('\n');
            }
            found.add(new Block(open.group(2), code.toString()));
        }
        assertThat(found).as("README blocks marked <!-- test: %s -->", name).isNotEmpty();
        return found;
    }

    /** The one block of this language marked {@code <!-- test: name -->}. */
    public static String marked(String name, String lang) throws IOException {
        List<Block> blocks = marked(name).stream().filter(b -> b.lang().equals(lang)).toList();
        assertThat(blocks).as("README %s blocks marked <!-- test: %s -->", lang, name).hasSize(1);
        return blocks.getFirst().code();
    }
}
