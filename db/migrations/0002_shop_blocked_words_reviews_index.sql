ALTER TABLE `shops` ADD `blocked_words` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `reviews_shop` ON `reviews` (`shop_id`);