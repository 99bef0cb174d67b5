package org.edgebatch.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The commented sample is the spec's reference: it must load, be the issue's job, and document every field. */
class SampleSpecTests {

    private static final Path SAMPLE = Path.of("").toAbsolutePath().getParent().resolve("samples/lobby-cameras.yaml");

    // A field, active ("  iou: 0.45") or shown at its default ("  # iou: 0.45"), possibly a list item ("- id: a").
    private static final Pattern FIELD = Pattern.compile("^( *)(- )?([A-Za-z][A-Za-z0-9]*):( |$)");

    @TempDir
    Path dir;

    @Test
    void theSampleLoadsAsTheIssuesJob() {
        // given the sample and the issue's spec, both pointed at folders and a model that exist here
        var files = new SpecFiles(dir);
        Map<String, String> here = Map.of("input.paths", dir.toString(), "model.path", files.model().toString());
        var loader = new JobSpecLoader(dir);

        // when
        JobSpec sample = loader.load(SAMPLE, here);

        // then
        assertThat(sample).isEqualTo(loader.load(files.file("lobby.yaml", SpecFiles.LOBBY), here));
    }

    @Test
    void theSampleDocumentsEveryFieldAndNoOther() throws IOException {
        // when
        Set<String> documented = documentedFields(Files.readAllLines(SAMPLE));

        // then
        assertThat(documented).containsExactlyInAnyOrderElementsOf(SpecSchema.allFields());
    }

    /** The dotted paths of the fields written in the sample, active or commented out, found by indentation. */
    private static Set<String> documentedFields(List<String> lines) {
        Set<String> fields = new LinkedHashSet<>();
        Deque<Map.Entry<Integer, String>> open = new ArrayDeque<>();
        for (String line : lines) {
            String stripped = line.stripLeading();
            int base = 0;
            String text = line;
            if (stripped.startsWith("#")) {
                // "# key: value" keeps the YAML indentation after "# ", counted from where the '#' stands.
                base = line.length() - stripped.length();
                text = stripped.startsWith("# ") ? stripped.substring(2) : stripped.substring(1);
            }
            Matcher field = FIELD.matcher(text);
            if (!field.find()) {
                continue;
            }
            int indent = base + field.group(1).length() + (field.group(2) == null ? 0 : 2);
            while (!open.isEmpty() && open.peek().getKey() >= indent) {
                open.pop();
            }
            String path = open.isEmpty() ? field.group(3) : open.peek().getValue() + "." + field.group(3);
            open.push(Map.entry(indent, path));
            fields.add(path);
        }
        return fields;
    }
}
