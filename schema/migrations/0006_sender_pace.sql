CREATE TABLE `sender_pace` (
	`workspace_id` text NOT NULL,
	`sender` text NOT NULL,
	`started_at` integer NOT NULL,
	`day` text NOT NULL,
	`sent_today` integer DEFAULT 0 NOT NULL,
	`last_sent_at` integer,
	`sent_total` integer DEFAULT 0 NOT NULL,
	`bounces` integer DEFAULT 0 NOT NULL,
	`complaints` integer DEFAULT 0 NOT NULL,
	`paused_at` integer,
	`paused_reason` text,
	PRIMARY KEY(`workspace_id`, `sender`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
