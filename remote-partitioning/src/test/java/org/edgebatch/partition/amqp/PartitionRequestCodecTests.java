package org.edgebatch.partition.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PartitionRequestCodecTests {

    private static final String REPOSITORY = "5f0c7a4e-8d1b-4c55-9a53-0d6a4c1b2e77";

    private final PartitionRequestCodec codec = new PartitionRequestCodec(REPOSITORY);

    @Test
    void aRequestComesBackAsItWasSent() {
        // given
        StepExecutionRequest request = new StepExecutionRequest("detectWorker:node-a-v0", 42);

        // when
        byte[] body = codec.encode(request, 7);
        StepExecutionRequest decoded = codec.decode(body);

        // then
        assertThat(decoded.getStepName()).isEqualTo("detectWorker:node-a-v0");
        assertThat(decoded.getStepExecutionId()).isEqualTo(42L);
        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.path("repository").asString()).isEqualTo(REPOSITORY);
        assertThat(json.path("jobExecutionId").asLong()).isEqualTo(7);
        assertThat(json.propertyNames()).containsExactly("repository", "stepName", "jobExecutionId", "stepExecutionId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{\"repository\": ", "<request id=\"42\"/>", "{'stepName': 'x'}"})
    void aMessageThatIsNotJsonIsRefused(String body) {
        assertThatThrownBy(() -> codec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessageStartingWith("not a partition request (not JSON): ");
    }

    @Test
    void bytesThatAreNotTextAreRefused() {
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72}))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessageStartingWith("not a partition request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1, 2]", "\"detectWorker:node-a-v0\"", "42", "null"})
    void jsonThatIsNoObjectIsRefused(String body) {
        assertThatThrownBy(() -> codec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessageStartingWith("not a partition request");
    }

    @Test
    void aRequestOfAnotherRepositoryIsRefusedNamingBoth() {
        // given: a request another installation sharing the broker sent
        byte[] body = new PartitionRequestCodec("other-repository").encode(new StepExecutionRequest("detectWorker:node-a-v0", 42), 7);

        // when / then
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessage("a request of job repository other-repository, not of this worker's (" + REPOSITORY + ")");
    }

    @Test
    void aRequestNamingNoRepositoryIsRefused() {
        assertThatThrownBy(() -> codec.decode(json("{\"stepName\": \"detectWorker:node-a-v0\", \"stepExecutionId\": 42}")))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessageContaining("not of this worker's (" + REPOSITORY + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"repository\": \"%s\", \"stepExecutionId\": 42}",
            "{\"repository\": \"%s\", \"stepName\": null, \"stepExecutionId\": 42}",
            "{\"repository\": \"%s\", \"stepName\": \"detectWorker:node-a-v0\"}",
            "{\"repository\": \"%s\", \"stepName\": \"detectWorker:node-a-v0\", \"stepExecutionId\": null}",
            "{\"repository\": \"%s\", \"stepName\": \"detectWorker:node-a-v0\", \"stepExecutionId\": \"forty-two\"}",
            "{\"repository\": \"%s\", \"stepName\": \"detectWorker:node-a-v0\", \"stepExecutionId\": {\"id\": 42}}",
    })
    void aRequestMissingItsStepNameOrStepExecutionIdIsRefused(String template) {
        assertThatThrownBy(() -> codec.decode(json(template.formatted(REPOSITORY))))
                .isInstanceOf(PartitionRequestCodec.MalformedRequestException.class)
                .hasMessage("not a partition request (no stepName or stepExecutionId)");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
