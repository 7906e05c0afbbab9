CREATE TABLE `journey` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`draft` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`entry_kind` text NOT NULL,
	`hook_secret_hash` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `journey_workspace` ON `journey` (`workspace_id`,`status`);--> statement-breakpoint
CREATE TABLE `journey_enrollment` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`table_id` text NOT NULL,
	`row_id` text NOT NULL,
	`status` text NOT NULL,
	`node` text,
	`capped` text,
	`exit_reason` text,
	`compress` integer DEFAULT false NOT NULL,
	`source` text NOT NULL,
	`entered_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`journey_id`) REFERENCES `journey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journey_enrollment_one_active` ON `journey_enrollment` (`journey_id`,`table_id`,`row_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `journey_enrollment_lead` ON `journey_enrollment` (`workspace_id`,`table_id`,`row_id`,`status`);--> statement-breakpoint
CREATE INDEX `journey_enrollment_journey` ON `journey_enrollment` (`journey_id`,`status`);--> statement-breakpoint
CREATE TABLE `journey_step` (
	`enrollment_id` text NOT NULL,
	`seq` integer NOT NULL,
	`workspace_id` text NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`node_id` text NOT NULL,
	`node_kind` text NOT NULL,
	`next_node` text,
	`outcome` text NOT NULL,
	`entered_at` integer NOT NULL,
	`left_at` integer,
	PRIMARY KEY(`enrollment_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `journey_step_journey` ON `journey_step` (`journey_id`,`version`,`node_id`);--> statement-breakpoint
CREATE TABLE `journey_version` (
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`journey_id`, `version`),
	FOREIGN KEY (`journey_id`) REFERENCES `journey`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lead_event` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`table_id` text NOT NULL,
	`row_id` text NOT NULL,
	`type` text NOT NULL,
	`key` text,
	`channel` text,
	`data` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lead_event_lead` ON `lead_event` (`workspace_id`,`table_id`,`row_id`,`type`,`at`);--> statement-breakpoint
CREATE TABLE `lead_touch` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`table_id` text NOT NULL,
	`row_id` text NOT NULL,
	`channel` text NOT NULL,
	`journey_id` text,
	`enrollment_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lead_touch_lead` ON `lead_touch` (`workspace_id`,`table_id`,`row_id`,`at`);