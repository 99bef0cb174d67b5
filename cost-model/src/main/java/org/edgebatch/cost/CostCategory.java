package org.edgebatch.cost;

/** A column of the cost table. */
public enum CostCategory {
    STORAGE("storage"),
    ACCESS("access"),
    AI_SERVICES("AI services"),
    UPLOAD("upload"),
    EDGE_COMPUTE("edge compute");

    private final String label;

    CostCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
