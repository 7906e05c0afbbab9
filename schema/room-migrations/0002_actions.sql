ALTER TABLE `trigger_run` ADD `source` text DEFAULT 'change' NOT NULL;--> statement-breakpoint
ALTER TABLE `trigger_run` ADD `column_id` text;--> statement-breakpoint
ALTER TABLE `trigger_run` ADD `job_id` text;--> statement-breakpoint
ALTER TABLE `trigger_run` ADD `attempts` integer DEFAULT 0 NOT NULL;