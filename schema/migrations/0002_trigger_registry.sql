CREATE TABLE `trigger_registry` (
	`table_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`enabled` integer NOT NULL,
	`cron` text,
	`next_run_at` integer,
	`secret_hash` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`table_id`, `rule_id`),
	FOREIGN KEY (`table_id`) REFERENCES `data_table`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trigger_registry_secret_hash_unique` ON `trigger_registry` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `trigger_registry_due` ON `trigger_registry` (`kind`,`next_run_at`);--> statement-breakpoint
CREATE INDEX `trigger_registry_rule` ON `trigger_registry` (`rule_id`);