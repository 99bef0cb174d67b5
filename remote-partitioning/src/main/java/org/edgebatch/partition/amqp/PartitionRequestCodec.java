package org.edgebatch.partition.amqp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partition requests on the wire: a small JSON object ({@code repository}, {@code stepName}, {@code jobExecutionId},
 * {@code stepExecutionId}), not Java serialization (nothing is deserialized into classes a sender picks). A message
 * that does not read as one, or that another repository sent, is refused with the reason.
 */
public final class PartitionRequestCodec {

    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String repositoryId;

    public PartitionRequestCodec(String repositoryId) {
        this.repositoryId = Objects.requireNonNull(repositoryId, "repositoryId must not be null");
    }

    public byte[] encode(StepExecutionRequest request, long jobExecutionId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repository", repositoryId);
        json.put("stepName", request.getStepName());
        json.put("jobExecutionId", jobExecutionId);
        json.put("stepExecutionId", request.getStepExecutionId());
        return JSON.writeValueAsBytes(json);
    }

    /** @throws MalformedRequestException saying what is wrong with the message */
    public StepExecutionRequest decode(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedRequestException("not a partition request (not JSON): " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedRequestException("not a partition request (not a JSON object)");
        }
        String repository = json.path("repository").asString(null);
        if (!repositoryId.equals(repository)) {
            throw new MalformedRequestException("a request of job repository " + repository + ", not of this worker's ("
                    + repositoryId + ")");
        }
        String stepName = json.path("stepName").asString(null);
        if (stepName == null || !json.path("stepExecutionId").canConvertToLong()) {
            throw new MalformedRequestException("not a partition request (no stepName or stepExecutionId)");
        }
        return new StepExecutionRequest(stepName, json.path("stepExecutionId").asLong());
    }

    /** A message that is not a partition request of this repository. */
    public static final class MalformedRequestException extends RuntimeException {
        public MalformedRequestException(String message) {
            super(message);
        }
    }
}
