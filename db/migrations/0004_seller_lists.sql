CREATE INDEX `chat_sends_coupon_time` ON `chat_sends` (`coupon_id`,`sent_at`,`buyer_id`);--> statement-breakpoint
CREATE INDEX `claims_shop_time` ON `claims` (`shop_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `claims_coupon_time` ON `claims` (`coupon_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `redemptions_shop_time` ON `redemptions` (`shop_id`,`reserved_at`,`id`);--> statement-breakpoint
CREATE INDEX `redemptions_coupon_time` ON `redemptions` (`coupon_id`,`reserved_at`,`id`);