package org.edgebatch.publish;

/**
 * Sends one event's artifacts to central storage; the implementation is chosen by the target's scheme (see
 * {@link Publishers}). {@link #publish} returns only once the files are there and verified, and throws otherwise; the
 * outbox row is marked SENT only after a normal return. Sending the same entry twice must leave the same result (a
 * crash between sending and marking re-sends it to the same place).
 */
public interface Publisher extends AutoCloseable {

    /**
     * @return the bytes of the entry's files put on the wire
     * @throws RetryablePublishException when the store could not be reached or failed on its side (worth retrying)
     * @throws PublishException          for anything else, naming the entry, the target and what failed
     */
    long publish(OutboxEntry entry);

    /** Where this publisher sends to, for messages and the outbox; never with credentials. */
    String target();

    /**
     * Checks, before a run starts, what would make every upload fail for good (no credentials, no such bucket); a
     * store that is only unreachable now passes, since its events wait in the outbox.
     *
     * @throws IllegalArgumentException naming the problem
     */
    default void check() {
    }

    /**
     * Reads back one file of a published node folder (its {@link Manifest#FILE_NAME} or a name the manifest lists), for
     * {@code edgebatch get}.
     *
     * @return empty when the target has no such file
     * @throws PublishException when the target cannot be read
     */
    java.util.Optional<byte[]> read(String jobName, String nodeId, long jobExecutionId, String name);

    @Override
    default void close() {
    }
}
