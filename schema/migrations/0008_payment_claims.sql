CREATE TABLE `payment_claim` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`claim_key` text NOT NULL,
	`site_id` text NOT NULL,
	`site_slug` text NOT NULL,
	`business_id` text,
	`business_name` text NOT NULL,
	`plan_id` text NOT NULL,
	`setup_cents` integer NOT NULL,
	`monthly_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`checkout_id` text,
	`checkout_url` text,
	`state` text NOT NULL,
	`failure_reason` text,
	`offline_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_claim_key` ON `payment_claim` (`workspace_id`,`claim_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_claim_checkout` ON `payment_claim` (`checkout_id`);--> statement-breakpoint
CREATE INDEX `payment_claim_site` ON `payment_claim` (`workspace_id`,`site_id`);