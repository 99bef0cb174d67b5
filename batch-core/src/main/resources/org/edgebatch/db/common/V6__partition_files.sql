-- Partitions that hold several files: which partition of the detect and events steps reads each video of a job
-- instance, and in which order (the plan lives here, not in the partitions' ExecutionContexts). NULL for videos
-- planned before partitions held several files: their partition holds just them, as its context says.
ALTER TABLE EB_VIDEO ADD COLUMN PARTITION_NAME VARCHAR(100);
ALTER TABLE EB_VIDEO ADD COLUMN PARTITION_INDEX INT;
CREATE INDEX EB_VIDEO_PARTITION ON EB_VIDEO (JOB_INSTANCE_ID, PARTITION_NAME);
