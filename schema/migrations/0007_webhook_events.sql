CREATE TABLE `webhook_event` (
	`workspace_id` text NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `provider`, `event_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_event_expiry` ON `webhook_event` (`expires_at`);