package org.edgebatch.publish;

/** Where an outbox row stands: waiting (also after failed attempts) or sent and verified. */
public enum OutboxStatus {
    PENDING, SENT
}
