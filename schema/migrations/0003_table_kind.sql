-- Tables a feature of the product keeps (the outreach Projects, Dealerships and Attempts) say
-- so in `kind`, so the Worker finds them again whatever they are renamed to.
ALTER TABLE `data_table` ADD `kind` text;--> statement-breakpoint
CREATE INDEX `data_table_kind` ON `data_table` (`workspace_id`,`kind`);