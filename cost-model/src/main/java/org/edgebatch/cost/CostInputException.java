package org.edgebatch.cost;

/** Bad input to the cost model (a scenario file, catalog, run report or flag); the message names the field at fault. */
public class CostInputException extends RuntimeException {

    public CostInputException(String message) {
        super(message);
    }

    public CostInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
