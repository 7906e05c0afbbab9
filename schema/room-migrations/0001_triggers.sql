CREATE TABLE `trigger_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`rule_id` text NOT NULL,
	`row_id` text NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trigger_run_key_unique` ON `trigger_run` (`key`);--> statement-breakpoint
CREATE INDEX `trigger_run_rule_at` ON `trigger_run` (`rule_id`,`at`);