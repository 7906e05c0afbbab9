CREATE TABLE `autopilot_alert` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`cycle_id` text,
	`row_id` text,
	`raised_at` integer NOT NULL,
	`cleared_at` integer
);
--> statement-breakpoint
CREATE INDEX `autopilot_alert_workspace` ON `autopilot_alert` (`workspace_id`,`raised_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `autopilot_alert_open` ON `autopilot_alert` (`workspace_id`,`key`) WHERE cleared_at IS NULL;--> statement-breakpoint
CREATE TABLE `autopilot_cycle` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`status` text NOT NULL,
	`trigger` text NOT NULL,
	`plan` text NOT NULL,
	`phases` text DEFAULT '[]' NOT NULL,
	`error` text,
	`row_id` text,
	`started_by` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `autopilot_cycle_workspace` ON `autopilot_cycle` (`workspace_id`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `autopilot_cycle_running` ON `autopilot_cycle` (`workspace_id`) WHERE status = 'running';--> statement-breakpoint
CREATE TABLE `autopilot_health` (
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`light` text NOT NULL,
	`detail` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `name`)
);
--> statement-breakpoint
CREATE TABLE `autopilot_item` (
	`workspace_id` text NOT NULL,
	`action` text NOT NULL,
	`item_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`state` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`cycle_id`, `action`, `item_id`)
);
--> statement-breakpoint
CREATE INDEX `autopilot_item_workspace` ON `autopilot_item` (`workspace_id`,`action`,`at`);--> statement-breakpoint
CREATE TABLE `autopilot_schedule` (
	`workspace_id` text NOT NULL,
	`schedule` text NOT NULL,
	`last_run_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `schedule`)
);
--> statement-breakpoint
CREATE TABLE `provider_spend` (
	`workspace_id` text NOT NULL,
	`day` text NOT NULL,
	`provider` text NOT NULL,
	`amount` real DEFAULT 0 NOT NULL,
	`units` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `day`, `provider`)
);
