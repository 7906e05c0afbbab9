CREATE TABLE `cell_change` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`row_id` text NOT NULL,
	`col_id` text,
	`kind` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`origin` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cell_change_row` ON `cell_change` (`row_id`,`id`);--> statement-breakpoint
CREATE TABLE `cell_index` (
	`row_id` text NOT NULL,
	`col_id` text NOT NULL,
	`value` text NOT NULL,
	`text` text,
	`num` real,
	PRIMARY KEY(`row_id`, `col_id`)
);
--> statement-breakpoint
CREATE INDEX `cell_index_num` ON `cell_index` (`col_id`,`num`);--> statement-breakpoint
CREATE INDEX `cell_index_text` ON `cell_index` (`col_id`,`text`);--> statement-breakpoint
CREATE TABLE `room_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `row_index` (
	`row_id` text PRIMARY KEY NOT NULL,
	`block` text NOT NULL,
	`pos` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `row_index_block` ON `row_index` (`block`);--> statement-breakpoint
CREATE INDEX `row_index_pos` ON `row_index` (`pos`);--> statement-breakpoint
CREATE TABLE `snapshot_part` (
	`doc` text NOT NULL,
	`part` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`doc`, `part`)
);
--> statement-breakpoint
CREATE TABLE `update_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc` text NOT NULL,
	`data` blob NOT NULL,
	`bytes` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `update_log_doc` ON `update_log` (`doc`,`id`);