package org.edgebatch.autoconfigure;

/**
 * Where the application's partitions run: in this process (embedded), sent by node to worker processes over the
 * broker (manager), or taken from one node's queue and run here (worker).
 */
public class DistributedProperties {

    /** What this process is to partitions placed by node. */
    public enum Role {
        /** Every node's partitions run in this process, each node on its own threads. */
        EMBEDDED,
        /** Partitions are sent to the queue of their node on the broker; worker processes run them. */
        MANAGER,
        /** Runs the partitions of one node ({@code node-id}) taken from its queue on the broker. */
        WORKER
    }

    /** This process's role: embedded (partitions run here), manager (sends them to the nodes' workers) or worker. */
    private Role role = Role.EMBEDDED;

    /** The node whose partitions this worker runs (required in the worker role). */
    private String nodeId;

    /** Partitions a node runs at once in this process: the worker role's node, or each node in the embedded role. */
    private int concurrency = 1;

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }
}
