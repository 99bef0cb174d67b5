-- Files a run's inventory found by scanning a folder but left out: not a readable video, or still being written
-- (modified within input.settleSeconds). Reports and status list them; the run goes on with the rest.
CREATE TABLE EB_LEFT_OUT_FILE (
    JOB_INSTANCE_ID BIGINT NOT NULL,
    FILE_INDEX INT NOT NULL,
    NODE_ID VARCHAR(63) NOT NULL,
    PATH VARCHAR(4096) NOT NULL,
    KIND VARCHAR(20) NOT NULL,
    REASON VARCHAR(2000) NOT NULL,
    PRIMARY KEY (JOB_INSTANCE_ID, FILE_INDEX)
)${tableOptions};
