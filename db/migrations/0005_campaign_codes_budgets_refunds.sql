CREATE TABLE `campaign_codes` (
	`coupon_id` text NOT NULL,
	`code` text NOT NULL,
	`state` text DEFAULT 'available' NOT NULL,
	`order_id` text,
	`redeemed_at` integer,
	PRIMARY KEY(`coupon_id`, `code`)
);
--> statement-breakpoint
CREATE INDEX `campaign_codes_code` ON `campaign_codes` (`code`);--> statement-breakpoint
ALTER TABLE `coupons` ADD `unique_code_length` integer;--> statement-breakpoint
ALTER TABLE `coupons` ADD `budget_minor` integer;--> statement-breakpoint
ALTER TABLE `coupons` ADD `refund_policy` text DEFAULT 'keep_used' NOT NULL;--> statement-breakpoint
ALTER TABLE `coupons` ADD `budget_spent_minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `redemptions` ADD `refunded_at` integer;--> statement-breakpoint
ALTER TABLE `redemptions` ADD `returned_at` integer;