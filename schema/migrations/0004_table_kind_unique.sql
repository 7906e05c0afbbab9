-- A workspace holds one table of each feature kind: the index becomes unique, so two first
-- requests at once cannot create two sets of outreach tables (the second insert fails, and the
-- Worker uses the first set).
DROP INDEX `data_table_kind`;--> statement-breakpoint
CREATE UNIQUE INDEX `data_table_kind_unique` ON `data_table` (`workspace_id`,`kind`) WHERE "data_table"."kind" IS NOT NULL;