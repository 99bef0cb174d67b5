-- Publishing to object stores: the bytes an outbox row put on the wire once it was confirmed (the per-node
-- "bytes uploaded" of reports), and where the row went, so a later drain knows which target its keys are under.
ALTER TABLE EB_OUTBOX ADD COLUMN UPLOADED_BYTES BIGINT;
ALTER TABLE EB_OUTBOX ADD COLUMN TARGET VARCHAR(1000);
