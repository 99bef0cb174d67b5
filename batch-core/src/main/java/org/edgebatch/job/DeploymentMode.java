package org.edgebatch.job;

/**
 * Where a job's nodes are: all in one process (embedded) or each a worker process of its own (distributed). The
 * mode's configuration provides it as a bean; the few rules that differ by mode read it.
 */
public enum DeploymentMode {

    /** Logical nodes in this process; a file is known by its real path on this machine. */
    EMBEDDED,
    /** Worker processes on their machines; a file is known by its node and its path there. */
    DISTRIBUTED;

    /** The key a file is known by: its path, or in distributed mode {@code <node>:<path>} (paths repeat across machines). */
    public String fileKey(String nodeId, String path) {
        return this == DISTRIBUTED ? nodeId + ":" + path : path;
    }
}
