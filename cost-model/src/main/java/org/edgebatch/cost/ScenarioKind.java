package org.edgebatch.cost;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the centralized cloud bill is compared with. {@code centralized}: nothing (the cloud bill alone);
 * {@code edge-published}: the published assumptions (keep a fraction of the footage, fewer requests, cloud AI
 * unchanged); {@code edge}: AI moves to the edge (cloud AI is zero), edge compute and the upload of the retained
 * footage are paid for.
 */
public enum ScenarioKind {
    CENTRALIZED("centralized", List.of(CostCategory.STORAGE, CostCategory.ACCESS, CostCategory.AI_SERVICES,
            CostCategory.UPLOAD)),
    EDGE_PUBLISHED("edge-published", List.of(CostCategory.STORAGE, CostCategory.ACCESS, CostCategory.AI_SERVICES)),
    EDGE("edge", List.of(CostCategory.STORAGE, CostCategory.ACCESS, CostCategory.AI_SERVICES, CostCategory.UPLOAD,
            CostCategory.EDGE_COMPUTE));

    private final String key;
    private final List<CostCategory> columns;

    ScenarioKind(String key, List<CostCategory> columns) {
        this.key = key;
        this.columns = columns;
    }

    public String key() {
        return key;
    }

    /** The cost lines both rows of this comparison carry. */
    public List<CostCategory> columns() {
        return columns;
    }

    public boolean hasEdgeRow() {
        return this != CENTRALIZED;
    }

    public static ScenarioKind of(String text) {
        for (ScenarioKind kind : values()) {
            if (kind.key.equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a scenario (known: "
                + Arrays.stream(values()).map(ScenarioKind::key).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return key;
    }
}
