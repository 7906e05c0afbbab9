CREATE TABLE `sender_pace` (
	`workspace_id` text NOT NULL,
	`sender` text NOT NULL,
	`started_at` integer NOT NULL,
	`day` text NOT NULL,
	`sent_today` integer DEFAULT 0 NOT NULL,
	`last_sent_at` integer,
	PRIMARY KEY(`workspace_id`, `sender`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspace`(`id`) ON UPDATE no action ON DELETE cascade
);
