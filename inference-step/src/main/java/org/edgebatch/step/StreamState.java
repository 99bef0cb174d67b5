package org.edgebatch.step;

import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The ExecutionContext state of a reader at one item, for readers that read ahead: they keep the state right after
 * each item they read and save the state of the last item they handed out, never their own position ahead of it.
 */
final class StreamState {

    private StreamState() {
    }

    /** What {@code stream} would save now. */
    static ExecutionContext of(ItemStream stream) {
        ExecutionContext state = new ExecutionContext();
        stream.update(state);
        return state;
    }

    /** Puts a kept state into the context being saved. */
    static void copy(ExecutionContext state, ExecutionContext into) {
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            into.put(entry.getKey(), entry.getValue());
        }
    }
}
