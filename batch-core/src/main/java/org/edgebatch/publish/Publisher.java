package org.edgebatch.publish;

/**
 * Sends one event's artifacts to central storage. An implementation returns only once the files are there and
 * verified, and throws otherwise; the outbox row is marked SENT only after a normal return. Sending the same entry
 * twice must leave the same result (a crash between sending and marking re-sends it).
 */
public interface Publisher {

    /** @throws PublishException naming the entry, the target and what failed */
    void publish(OutboxEntry entry);

    /** Where this publisher sends to, for messages. */
    String target();
}
