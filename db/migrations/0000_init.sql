CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`kind` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_shop` ON `api_keys` (`shop_id`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`coupon_id` text,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`changes` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_coupon` ON `audit_entries` (`coupon_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_shop` ON `audit_entries` (`shop_id`,`seq`);--> statement-breakpoint
CREATE TABLE `chat_sends` (
	`coupon_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`coupon_id`, `buyer_id`)
);
--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`coupon_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`state` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`source_order_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `claims_coupon_buyer` ON `claims` (`coupon_id`,`buyer_id`);--> statement-breakpoint
CREATE INDEX `claims_shop_buyer` ON `claims` (`shop_id`,`buyer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `claims_review_order` ON `claims` (`coupon_id`,`source_order_id`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`discount_kind` text NOT NULL,
	`amount_minor` integer,
	`percent_off` integer,
	`max_discount_minor` integer,
	`min_spend_minor` integer NOT NULL,
	`scope_kind` text NOT NULL,
	`product_ids` text,
	`audience` text,
	`claim_starts_at` integer,
	`claim_ends_at` integer,
	`validity_kind` text,
	`validity_days` integer,
	`validity_starts_at` integer,
	`validity_ends_at` integer,
	`code` text,
	`active_starts_at` integer,
	`active_ends_at` integer,
	`quantity` integer NOT NULL,
	`per_customer_limit` integer,
	`deactivated_at` integer,
	`origin` text NOT NULL,
	`parent_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`claimed_count` integer DEFAULT 0 NOT NULL,
	`reserved_count` integer DEFAULT 0 NOT NULL,
	`used_count` integer DEFAULT 0 NOT NULL,
	`discount_total_minor` integer DEFAULT 0 NOT NULL,
	`gmv_minor` integer DEFAULT 0 NOT NULL,
	`seq` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coupons_shop_seq` ON `coupons` (`shop_id`,`seq`);--> statement-breakpoint
CREATE INDEX `coupons_shop_code` ON `coupons` (`shop_id`,`code`);--> statement-breakpoint
CREATE INDEX `coupons_shop_type` ON `coupons` (`shop_id`,`type`);--> statement-breakpoint
CREATE TABLE `events` (
	`shop_id` text NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`body_hash` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `follower_grants` (
	`shop_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`claim_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `buyer_id`)
);
--> statement-breakpoint
CREATE TABLE `follows` (
	`shop_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`target` text NOT NULL,
	`followed_at` integer NOT NULL,
	`deleted_at` integer,
	PRIMARY KEY(`shop_id`, `buyer_id`, `target`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`shop_id` text NOT NULL,
	`key` text NOT NULL,
	`route` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer,
	`response` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `live_codes` (
	`region` text NOT NULL,
	`code` text NOT NULL,
	`coupon_id` text NOT NULL,
	`shop_id` text NOT NULL,
	`active_ends_at` integer NOT NULL,
	PRIMARY KEY(`region`, `code`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`shop_id` text NOT NULL,
	`order_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`total_minor` integer,
	`paid_at` integer,
	`refunded_at` integer,
	`cancelled_at` integer,
	PRIMARY KEY(`shop_id`, `order_id`)
);
--> statement-breakpoint
CREATE INDEX `orders_buyer` ON `orders` (`shop_id`,`buyer_id`);--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`shop_id` text NOT NULL,
	`coupon_id` text NOT NULL,
	`claim_id` text,
	`buyer_id` text,
	`order_id` text NOT NULL,
	`code` text,
	`state` text NOT NULL,
	`discount_minor` integer NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`allocations` text NOT NULL,
	`reserved_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`committed_at` integer,
	`released_at` integer,
	`release_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_live_order` ON `redemptions` (`shop_id`,`order_id`) WHERE state <> 'released';--> statement-breakpoint
CREATE INDEX `redemptions_coupon_buyer` ON `redemptions` (`coupon_id`,`buyer_id`);--> statement-breakpoint
CREATE INDEX `redemptions_expiry` ON `redemptions` (`state`,`expires_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`shop_id` text NOT NULL,
	`order_id` text NOT NULL,
	`product_id` text NOT NULL,
	`buyer_id` text NOT NULL,
	`label` text,
	`claim_id` text,
	`approved_at` integer NOT NULL,
	PRIMARY KEY(`shop_id`, `order_id`, `product_id`)
);
--> statement-breakpoint
CREATE TABLE `shops` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code_prefix` text NOT NULL,
	`region` text NOT NULL,
	`currency` text NOT NULL,
	`mode` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`addon_coupons` integer NOT NULL,
	`buyer_token_secret` text NOT NULL,
	`test_clock_now` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
