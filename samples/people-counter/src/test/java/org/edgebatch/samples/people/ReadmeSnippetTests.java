package org.edgebatch.samples.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job in the root README's "Use EdgeBatch in your own Spring Batch job" compiles against the public API. */
class ReadmeSnippetTests {

    private static final String SECTION = "## Use EdgeBatch in your own Spring Batch job";
    private static final String IMPORTS = """
            import java.nio.file.Path;
            import javax.sql.DataSource;
            import org.edgebatch.batch.events.EventStepBuilder;
            import org.edgebatch.batch.item.DetectItemProcessorBuilder;
            import org.edgebatch.batch.item.JdbcDetectionItemWriterBuilder;
            import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
            import org.edgebatch.batch.partition.LocalityPartitionerBuilder;
            import org.edgebatch.batch.partition.VideoFilePartitioner;
            import org.edgebatch.detect.Detector;
            import org.edgebatch.step.FrameDetections;
            import org.edgebatch.step.GatedFrame;
            import org.springframework.batch.core.job.Job;
            import org.springframework.batch.core.job.builder.JobBuilder;
            import org.springframework.batch.core.repository.JobRepository;
            import org.springframework.batch.core.step.Step;
            import org.springframework.batch.core.step.builder.StepBuilder;
            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.transaction.PlatformTransactionManager;
            """;

    @TempDir
    Path dir;

    @Test
    void theReadmeJobCompiles() throws Exception {
        // given: the section's Java block
        String readme = Files.readString(Path.of(System.getProperty("edgebatch.readme", "../../README.md")));
        int section = readme.indexOf(SECTION);
        assertThat(section).as("README section '%s'", SECTION).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));
        Path source = Files.writeString(dir.resolve("ScanJobConfiguration.java"), IMPORTS + snippet);

        // when
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null,
                List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();

        // then
        assertThat(compiled).as("the README's job compiles:\n%s\n%s", snippet, messages).isTrue();
        assertThat(snippet.lines().count()).as("lines of job code").isBetween(15L, 40L);
    }
}
