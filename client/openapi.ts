/**
 * The API's types, generated from the OpenAPI document by `npm run client:types` (openapi-typescript).
 * Do not edit: change the route contracts (worker/contract/, worker/routes/) and generate again.
 */
export interface paths {
    "/v1/shops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a shop (platform operator) */
        post: operations["createShop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a shop's settings (platform operator, or the shop's own secret key)
         * @description A secret key reads only its own shop; another shop's id is 404.
         */
        get: operations["getShop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a shop's settings (platform operator; its own secret key for origins and thresholds)
         * @description The platform operator may change every field. A secret key may change its own shop's `allowed_origins` and `min_fixed_minor` (another shop's id is 404); `name`, `addon_coupons` and `blocked_words` from a secret key are 403 `forbidden`, the refused fields in `errors[]`. `allowed_origins` replaces the list; `allowed_origins_add` / `allowed_origins_remove` change it without resending it (not together with `allowed_origins`: 422). Origins are `scheme://host[:port]` (http or https, no path, not even `/`) and are stored as browsers send them in `Origin` (lower case, no default port); at most 50. Every change is logged as `shop_updated` in `GET /v1/audit`.
         */
        patch: operations["updateShop"];
        trace?: never;
    };
    "/v1/test-clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze (or release) the clock of a test shop
         * @description All time rules of the shop use this clock. Live shops answer 403. Buyer tokens and rate limits keep real time.
         */
        post: operations["setTestClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List coupons, newest first */
        get: operations["listCoupons"];
        put?: never;
        /**
         * Create a coupon of any type
         * @description The body is discriminated by `type`; a field not listed for a type is refused. With addon coupons on, a regular coupon also creates one addon coupon (R32). A promo code with `unique_codes: {count, length}` is a campaign: `count` single-use codes (up to 100,000, written in one batch: all or none), each unique among the region's live codes (R19) and used once; then `quantity` is the count and there is no `code` nor `per_customer_limit`. `budget_minor` (any type) caps the discount reserved and committed together; `refund_policy` says what `order.refunded` gives back.
         */
        post: operations["createCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a coupon: what creating it would make, writing nothing
         * @description Takes the body of `POST /v1/coupons` and answers the coupon and its addons (R32) as that call would make them now, without ids (`id: null`), and `estimated_spend_minor`: the coupon's estimated spend plus its addons' (R31; null when one is unbounded). Refused exactly as a create would be: 422 for the rules, 409 `name_taken`, `new_customer_coupon_overlap` (R8), `review_coupon_overlap` (R15), `promo_code_taken` (R19), `code_not_allowed` (R20). A promo code without `code` gets a generated suggestion that was free when checked; a campaign (`unique_codes`) is answered without its codes, which only the create draws. A `promo_code_taken` answer counts as a failed code look-up toward the shop's guessing limit (429 past it).
         */
        post: operations["previewCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one coupon */
        get: operations["getCoupon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a coupon
         * @description Upcoming: any field. Ongoing: `name`, a larger `quantity`, a later end (`claim_ends_at`, or `active_ends_at` for a promo code), a larger `budget_minor` (or `null`: no budget); other changes are 409 `edit_not_allowed` (with `errors[]`), as is any change to an ended or deactivated coupon. A campaign's `quantity` is its count of codes (add codes with `POST /v1/coupons/{id}/codes`), and it takes no `code`. The result must still be a valid coupon (422) and keep the create rules (409 `name_taken`, `new_customer_coupon_overlap`, `review_coupon_overlap`, `promo_code_taken`, `code_not_allowed`). Each change bumps `version` and leaves an `updated` history entry.
         */
        patch: operations["updateCoupon"];
        trace?: never;
    };
    "/v1/coupons/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a coupon (R28)
         * @description Stops an ongoing coupon or cancels an upcoming one at once; its claims not yet used stop working and a promo code's code becomes free. Deactivating a deactivated coupon answers it unchanged. Takes no body.
         */
        post: operations["deactivateCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Duplicate a coupon (R29)
         * @description Copies the coupon's settings into a new coupon (`origin: "duplicate"`, `parent_id` the source) with the given overrides. Without new dates the source must not have started yet (else 422). The name defaults to the source's name + " copy"; a promo code gets the given suffix or a fresh generated one. The create rules apply (409 codes).
         */
        post: operations["duplicateCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A coupon's history (R30), oldest first
         * @description Append-only: entries are never edited or removed.
         */
        get: operations["getCouponHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/performance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A coupon's performance (R31)
         * @description `claims`: claims ever issued (0 for promo codes). `redemptions`: committed uses. `buyers`, `orders`: distinct buyers and orders among committed uses. `discount_minor`: their discount. `gmv_minor`: what those orders sold for after product discounts and the coupon. `remaining`: quantity − claims, or for promo codes quantity − reserved − committed uses (less those a `return_unit` refund gave back). `refunds`, `refunded_discount_minor`: committed uses whose order was refunded afterwards (still counted in `redemptions` and `discount_minor`). `remaining_budget_minor`: the budget less the discount reserved and committed and not given back; null without a budget. `series`: one entry per UTC day in [`from`, `to`), days without activity included: claims issued that day, and the uses committed that day (their count, distinct buyers, discount and sales). `from` and `to` take a UTC day (`YYYY-MM-DD`) or an RFC 3339 time (a time counts from the day it falls in; `to` is exclusive). Without them the series covers the coupon's window: from its start to the last day a claim of it can be used (claim window plus validity; a promo code's active window), cut at deactivation, at most 366 days. Both given and more than 366 days apart, or `to` not after `from`, is 422. The totals are never limited by `from` and `to`.
         */
        get: operations["getCouponPerformance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The buyers a chat coupon was sent to (R17), newest first
         * @description Each send once, with whether the buyer has claimed the coupon. Another type of coupon is 409 `not_a_chat_coupon`.
         */
        get: operations["listCouponRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a chat coupon to a buyer (R17)
         * @description Only the buyers a chat coupon was sent to may claim it. Idempotent (a second send keeps the first `sent_at`) and uses no quantity. Another type is 409 `not_a_chat_coupon`; an ended or deactivated one 409 `expired` / `deactivated`.
         */
        post: operations["sendCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promo-codes/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Could this shop create a promo code with this suffix now? (secret key)
         * @description `code` is the suffix (2 to 8 letters or digits; anything else is 422); the answer names the full code (the shop's prefix + the suffix). Not available: `code_not_allowed` (a blocked word, R20) or `promo_code_taken` (an upcoming or ongoing promo code of any shop in the region holds it, R19). A `promo_code_taken` answer counts as a failed code look-up toward the shop's guessing limit; past the limit the answer is 429. Publishable keys are refused (403).
         */
        get: operations["getPromoCodeAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/promo-codes/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is this code live? (off-platform channels, the widget)
         * @description Unknown codes answer 200 `{valid: false, reason: "code_not_found"}`. To publishable keys a code that is not ongoing is also `code_not_found`. Failed look-ups are rate limited.
         */
        get: operations["getPromoCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checkout/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a cart with the best (or the named) seller coupon; no side effects
         * @description Every coupon considered is a candidate with its reasons. `explain: true` adds the promotion simulator's trace (R26).
         */
        post: operations["quoteCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List this shop's API keys, newest first (never their secrets) */
        get: operations["listKeys"];
        put?: never;
        /** Create an API key for this shop; the secret is shown this once */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a key: it answers 401 from the next request on
         * @description Revoking an already revoked key answers 200 with it unchanged. A shop keeps at least one active secret key: revoking the last one is 409 `last_secret_key`.
         */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a buyer fact: an order paid, refunded or cancelled, a follow, an approved review
         * @description Idempotent by `id` per shop: a repeated `id` with the same body answers 200 with the first result; the same `id` with a different body is 422 `idempotency_key_reused`. `occurred_at` orders facts and measures gaps (the 90-day repeat rule, a follow against a `new_followers` window) and may not lie after the shop clock (422 `occurred_in_future`). Segments follow at once. An order id belongs to the buyer who first reported it: an event naming another buyer is 409 `order_buyer_mismatch`. A cancel or refund of an unknown order is accepted and changes nothing. `order.paid` and `order.cancelled` also commit or release the order's reserved redemption. `review.approved` issues a claim of the active review coupon when the review qualifies (R13, R14).
         */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/storefront/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ongoing coupons this buyer could claim, each with `claimable` and `reason`
         * @description Regular and follower coupons, and chat coupons sent to this buyer (R17); with `product_id`, only those whose scope includes it. Without a buyer every entry is `claimable: false, reason: "buyer_required"`. The buyer is named by `X-Buyer-Token` (publishable key) or `buyer_id` (secret key).
         */
        get: operations["listStorefrontCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/storefront/coupons/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a coupon for the buyer
         * @description Refused claims answer 409 with the reason as `code` (quantity_exhausted, per_customer_limit_reached, already_claimed, audience_mismatch, not_a_follower, not_sent_to_buyer, not_started, expired, deactivated, buyer_required). The buyer is named by `X-Buyer-Token` (publishable key) or `buyer_id` (secret key).
         */
        post: operations["claimStorefrontCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/storefront/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The buyer's claims: available, reserved, used, expired or void
         * @description `expired`: an available claim past its validity; `void`: not used and its coupon deactivated. Newest first, at most 500. The buyer is named by `X-Buyer-Token` (publishable key) or `buyer_id` (secret key).
         */
        get: operations["getStorefrontWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/checkout/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reserve the coupon a quote of this cart applies, for one order
         * @description Runs the quote, then reserves its applied coupon (a promo-code use, or the buyer's claim) for `order_id` for 30 minutes on the shop clock. Nothing applicable: 409 with the first reason of the named code or coupon (`no_applicable_coupon` when the buyer holds nothing that could apply). A second coupon for the same order: 409 `one_seller_coupon_per_order` (R23). A promo code limited per customer needs a buyer: 409 `buyer_required`. A discount the coupon's remaining budget cannot cover: 409 `budget_exhausted`. A campaign code is used once: the one typed is reserved for the order, and a code already reserved or redeemed is 409 `quantity_exhausted`. With an `Idempotency-Key` header, a replay answers the first answer with its status; the same key with another body is 422 `idempotency_key_reused`.
         */
        post: operations["createCheckoutRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one redemption */
        get: operations["getRedemption"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order was paid: the reserved coupon is used
         * @description Idempotent: committing a committed redemption answers it again. A released one (cancelled, or not committed within 30 minutes on the shop clock) is 409 `redemption_released`. The `order.paid` event does the same.
         */
        post: operations["commitRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The order was cancelled: the unit (and the buyer's claim) is given back
         * @description Idempotent: releasing a released redemption answers it again. A committed one is 409 `redemption_committed`. The `order.cancelled` event does the same.
         */
        post: operations["releaseRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop's redemptions, newest first
         * @description Filtered by coupon, state and when they were reserved (`from` inclusive, `to` exclusive: a UTC day or an RFC 3339 time). A reservation past its 30 minutes shows as released. Another shop's `coupon_id` gives an empty list.
         */
        get: operations["listRedemptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the shop's incentivized reviews, most recent first
         * @description The reviews that earned a review coupon (R13, R14), each with the label stored with it (R16, "Verified purchase Incentivized Review") and the claim it earned. `coupon_id` narrows the list to one review coupon; another shop's coupon lists nothing.
         */
        get: operations["listReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop's claims, newest first
         * @description Filtered by coupon, buyer and state. A claim's `state` is as the buyer's wallet shows it: a claim not used of a deactivated coupon is `void`, an available one past its validity `expired` (R5, R28). Another shop's `coupon_id` gives an empty list.
         */
        get: operations["listClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop's whole operation log (R30), newest first
         * @description Every coupon's history entries (as `GET /v1/coupons/{id}/history` shows them, with `coupon_id`) and the shop's own: `key_created`, `key_revoked`, `shop_updated` (settings changed; `coupon_id` null). Filter by `coupon_id` and `action`. Append-only: entries are never edited or removed.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List this shop's webhook endpoints, newest first (never their secrets) */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Subscribe a URL to event types; the signing secret is shown this once
         * @description Live shops may only name `https` URLs whose host resolves to public addresses (422 `url_not_allowed`); test shops may also name `http` and loopback URLs. Each event is POSTed as JSON `{id, type, created_at, shop_id, data: {object}}` with `Coupon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, at least once (dedupe by `id`), retried with exponential backoff for 24 hours until a 2xx answer within 10 s. At most 16 endpoints per shop (409 `too_many_endpoints`).
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint: nothing more is sent to it, pending deliveries included */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first, with their attempts and next attempt */
        get: operations["listWebhookEndpointDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now, whatever its status
         * @description The delivery becomes `pending`, due at once. Within its 24-hour window a failure is retried as usual; past it, one failed attempt makes it `failed` again.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's codes, in code order
         * @description Each code with its state: `available`, `reserved` (by a live reservation, for `order_id`) or `redeemed` (committed). A code whose order was refunded under `refund_policy: return_unit` is `available` again. A promo code without campaign codes is 409 `not_a_campaign`.
         */
        get: operations["listCouponCodes"];
        put?: never;
        /**
         * Add the seller's own codes to an upcoming campaign
         * @description Up to 10,000 suffixes a call; each becomes the shop prefix + suffix and a single-use code of the campaign, whose `quantity` grows by the number added (one `updated` history entry and a `coupon.updated` webhook event). A code that cannot be added is listed in `refused` with its reason, and the rest are added together (all or none of them). A code held by another shop's live promo code counts as a failed look-up of this shop (the guessing limit: past it the call is 429 and adds nothing). A campaign that has started is 409 `edit_not_allowed`. The body is bounded like every body (`MAX_BODY_BYTES`, 256 KB by default: 10,000 codes of 8 characters take about 110 KB).
         */
        post: operations["addCouponCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "coupon.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A coupon was created (each addon coupon has its own event).
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["couponCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "coupon.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A coupon was edited: the coupon after the edit.
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["couponUpdatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "coupon.deactivated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A coupon was deactivated (by the seller or by a shop-wide change).
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["couponDeactivatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "coupon.exhausted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A claim or reservation took a coupon's last unit: the coupon as it was priced or claimed.
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["couponExhaustedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "claim.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A buyer holds a new claim (claimed, or issued for a review).
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["claimCreatedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "redemption.reserved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A coupon was reserved for an order.
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["redemptionReservedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "redemption.committed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reservation was committed (the order was paid).
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["redemptionCommittedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "redemption.released": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reservation was released (cancelled, or not committed within 30 minutes).
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["redemptionReleasedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review_coupon.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A review earned its buyer a review coupon's claim.
         * @description Sent at least once to each endpoint subscribed to this type (dedupe by `id`); verify `Coupon-Signature` on the raw body before parsing it.
         */
        post: operations["reviewCouponIssuedEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        CouponCreatedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "coupon.created";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Coupon"];
            };
        };
        Coupon: {
            id: string;
            /** @enum {string} */
            type: "regular" | "follower" | "review" | "chat" | "promo_code";
            name: string;
            /** @enum {string} */
            status: "upcoming" | "ongoing" | "ended" | "deactivated";
            discount: components["schemas"]["Discount"];
            min_spend_minor: number;
            scope: components["schemas"]["Scope"];
            currency: string;
            audience: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            claim_starts_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            claim_ends_at: string | null;
            validity: {
                /** @enum {string} */
                kind: "days_after_claim";
                days: number;
            } | {
                /** @enum {string} */
                kind: "fixed";
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                starts_at: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                ends_at: string;
            } | null;
            code: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            active_starts_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            active_ends_at: string | null;
            quantity: number;
            per_customer_limit: number | null;
            unique_codes: {
                count: number;
                length: number;
            } | null;
            budget_minor: number | null;
            /**
             * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
             * @enum {string}
             */
            refund_policy: "keep_used" | "return_unit";
            estimated_spend_minor: number | null;
            /** @enum {string} */
            origin: "manual" | "addon" | "duplicate";
            parent_id: string | null;
            version: number;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            deactivated_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            updated_at: string;
        };
        Discount: {
            /** @enum {string} */
            kind: "fixed";
            amount_minor: number;
        } | {
            /** @enum {string} */
            kind: "percent";
            percent_off: number;
            max_discount_minor: number | null;
        };
        Scope: {
            /** @enum {string} */
            kind: "shop";
        } | {
            /** @enum {string} */
            kind: "products";
            product_ids: string[];
        };
        CouponUpdatedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "coupon.updated";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Coupon"];
            };
        };
        CouponDeactivatedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "coupon.deactivated";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Coupon"];
            };
        };
        CouponExhaustedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "coupon.exhausted";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Coupon"];
            };
        };
        ClaimCreatedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "claim.created";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Claim"];
            };
        };
        Claim: {
            id: string;
            coupon_id: string;
            buyer_id: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            valid_from: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            valid_until: string;
            /** @enum {string} */
            state: "available" | "reserved" | "used" | "expired" | "void";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
        };
        RedemptionReservedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "redemption.reserved";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Redemption"];
            };
        };
        Redemption: {
            id: string;
            /** @enum {string} */
            state: "reserved" | "committed" | "released";
            coupon_id: string;
            claim_id: string | null;
            code: string | null;
            order_id: string;
            buyer_id: string | null;
            discount_minor: number;
            subtotal_minor: number;
            allocations: {
                line_id: string;
                discount_minor: number;
            }[];
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            reserved_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            expires_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            committed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            released_at: string | null;
            release_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            refunded_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            returned_at: string | null;
        };
        RedemptionCommittedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "redemption.committed";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Redemption"];
            };
        };
        RedemptionReleasedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "redemption.released";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["Redemption"];
            };
        };
        ReviewCouponIssuedEvent: {
            /** @description The event's id (`evt_…`): the same on every delivery and retry, so a receiver dedupes by it */
            id: string;
            /** @enum {string} */
            type: "review_coupon.issued";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            shop_id: string;
            data: {
                object: components["schemas"]["ReviewCouponIssued"];
            };
        };
        ReviewCouponIssued: {
            id: string;
            coupon_id: string;
            buyer_id: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            valid_from: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            valid_until: string;
            /** @enum {string} */
            state: "available" | "reserved" | "used" | "expired" | "void";
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            /** @description The reviewed order */
            order_id: string;
            /** @description The reviewed product */
            product_id: string;
            /** @description The label the storefront shows on the review */
            review_label: string;
        };
        Shop: {
            id: string;
            name: string;
            code_prefix: string;
            region: string;
            currency: string;
            /** @enum {string} */
            mode: "test" | "live";
            allowed_origins: string[];
            addon_coupons: boolean;
            min_fixed_minor: components["schemas"]["MinFixedDiscounts"];
            /** @description R20: the shop's own blocked words for promo codes, added to the platform's list */
            blocked_words: string[];
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            test_clock: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            updated_at: string;
        };
        /** @description R3 minimum fixed discounts in effect: the shop's own, or the defaults for its currency */
        MinFixedDiscounts: {
            regular: number;
            follower: number;
            review: number;
            chat: number;
            promo_code: number;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            code: components["schemas"]["ProblemCode"];
            detail: string;
            errors?: {
                path: string;
                code: string;
                message: string;
            }[];
            request_id?: string;
        };
        /** @enum {string} */
        ProblemCode: "code_not_found" | "not_started" | "expired" | "deactivated" | "min_spend_not_met" | "audience_mismatch" | "not_a_follower" | "no_items_in_scope" | "quantity_exhausted" | "per_customer_limit_reached" | "already_claimed" | "not_claimed" | "claim_expired" | "not_sent_to_buyer" | "currency_mismatch" | "buyer_required" | "one_seller_coupon_per_order" | "budget_exhausted" | "unauthorized" | "invalid_buyer_token" | "forbidden" | "live_shop" | "not_found" | "route_not_found" | "name_taken" | "new_customer_coupon_overlap" | "review_coupon_overlap" | "promo_code_taken" | "code_not_allowed" | "edit_not_allowed" | "concurrent_update" | "not_a_chat_coupon" | "last_secret_key" | "no_applicable_coupon" | "order_buyer_mismatch" | "redemption_released" | "redemption_committed" | "not_a_campaign" | "code_space_exhausted" | "too_many_endpoints" | "version_mismatch" | "body_too_large" | "unsupported_media_type" | "validation_failed" | "malformed_json" | "idempotency_key_reused" | "occurred_in_future" | "url_not_allowed" | "http_error" | "rate_limited" | "internal_error" | "misconfigured";
        CouponPreview: {
            coupon: components["schemas"]["CouponDraft"];
            addons: components["schemas"]["CouponDraft"][];
            /** @description What creating commits the seller to: the coupon's estimated spend plus its addons' (null when one is unbounded) */
            estimated_spend_minor: number | null;
        };
        CouponDraft: {
            id: null;
            /** @enum {string} */
            type: "regular" | "follower" | "review" | "chat" | "promo_code";
            name: string;
            /** @enum {string} */
            status: "upcoming" | "ongoing" | "ended" | "deactivated";
            discount: components["schemas"]["Discount"];
            min_spend_minor: number;
            scope: components["schemas"]["Scope"];
            currency: string;
            audience: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            claim_starts_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            claim_ends_at: string | null;
            validity: {
                /** @enum {string} */
                kind: "days_after_claim";
                days: number;
            } | {
                /** @enum {string} */
                kind: "fixed";
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                starts_at: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                ends_at: string;
            } | null;
            code: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            active_starts_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            active_ends_at: string | null;
            quantity: number;
            per_customer_limit: number | null;
            unique_codes: {
                count: number;
                length: number;
            } | null;
            budget_minor: number | null;
            /**
             * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
             * @enum {string}
             */
            refund_policy: "keep_used" | "return_unit";
            estimated_spend_minor: number | null;
            /** @enum {string} */
            origin: "manual" | "addon" | "duplicate";
            parent_id: string | null;
            version: number;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            deactivated_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            updated_at: string;
        };
        AuditEntry: {
            id: string;
            /** @enum {string} */
            action: "created" | "updated" | "deactivated" | "duplicated" | "addon_created";
            /** @description The id of the API key that made the change, or `system` */
            actor: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            at: string;
            /** @description For edits `{before, after}` of the fields that changed */
            changes: {
                [key: string]: unknown;
            };
        };
        Performance: {
            claims: number;
            redemptions: number;
            buyers: number;
            orders: number;
            discount_minor: number;
            gmv_minor: number;
            remaining: number;
            refunds: number;
            refunded_discount_minor: number;
            remaining_budget_minor: number | null;
            /**
             * Format: date
             * @description The first day of `series`
             */
            from: string;
            /**
             * Format: date
             * @description The day after the last day of `series` (exclusive)
             */
            to: string;
            /** @description One entry per UTC day in [from, to), zero days included */
            series: components["schemas"]["PerformanceDay"][];
        };
        PerformanceDay: {
            /**
             * Format: date
             * @description The UTC day, `YYYY-MM-DD`
             * @example 2026-12-01
             */
            date: string;
            claims: number;
            redemptions: number;
            /** @description Distinct buyers among that day's committed uses */
            buyers: number;
            discount_minor: number;
            gmv_minor: number;
        };
        ChatRecipient: {
            buyer_id: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            sent_at: string;
            /** @description Whether the buyer has claimed it */
            claimed: boolean;
        };
        PromoCodeAvailability: {
            /** @description The full code (the shop's prefix + the suffix), upper case */
            code: string;
            available: boolean;
            /** @enum {string} */
            reason?: "promo_code_taken" | "code_not_allowed";
        };
        PromoCodeLookup: {
            valid: boolean;
            reason?: components["schemas"]["ReasonCode"];
            coupon?: {
                name: string;
                discount: components["schemas"]["Discount"];
                min_spend_minor: number;
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                active_ends_at: string;
                scope: components["schemas"]["Scope"];
            };
        };
        /** @enum {string} */
        ReasonCode: "code_not_found" | "not_started" | "expired" | "deactivated" | "min_spend_not_met" | "audience_mismatch" | "not_a_follower" | "no_items_in_scope" | "quantity_exhausted" | "per_customer_limit_reached" | "already_claimed" | "not_claimed" | "claim_expired" | "not_sent_to_buyer" | "currency_mismatch" | "buyer_required" | "one_seller_coupon_per_order" | "budget_exhausted";
        Quote: {
            subtotal_minor: number;
            applied: {
                coupon_id: string;
                code?: string;
                discount_minor: number;
                allocations: {
                    line_id: string;
                    discount_minor: number;
                }[];
            } | null;
            best: {
                coupon_id: string;
                discount_minor: number;
            } | null;
            candidates: {
                coupon_id: string | null;
                code?: string;
                applicable: boolean;
                discount_minor: number;
                reasons: components["schemas"]["Reason"][];
            }[];
            total_minor: number;
            trace?: {
                step: string;
                detail: {
                    [key: string]: unknown;
                };
            }[];
        };
        Reason: {
            code: components["schemas"]["ReasonCode"];
            message: string;
        };
        ApiKey: {
            id: string;
            /** @enum {string} */
            kind: "secret" | "publishable";
            hint: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            revoked_at: string | null;
        };
        EventResult: {
            id: string;
            type: string;
            buyer_id: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            occurred_at: string;
            /** @enum {boolean} */
            processed: true;
            /** @description review.approved only: the claim the review earned, or null */
            issued_claim?: {
                id: string;
                coupon_id: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                valid_from: string;
                /**
                 * Format: date-time
                 * @example 2026-12-01T00:00:00Z
                 */
                valid_until: string;
                /** @enum {string} */
                state: "available" | "reserved" | "used" | "expired" | "void";
            } | null;
            /**
             * @description review.approved only: the label of a review that earned a coupon (R16), or null
             * @enum {string|null}
             */
            review_label?: "Verified purchase Incentivized Review" | null;
        };
        StorefrontCoupon: components["schemas"]["Coupon"] & {
            claimable: boolean;
            reason: components["schemas"]["ReasonCode"] | null;
        };
        WalletEntry: components["schemas"]["Claim"] & {
            coupon: {
                id: string;
                /** @enum {string} */
                type: "regular" | "follower" | "review" | "chat" | "promo_code";
                name: string;
                discount: components["schemas"]["Discount"];
                min_spend_minor: number;
                scope: components["schemas"]["Scope"];
                currency: string;
            };
        };
        IncentivizedReview: {
            order_id: string;
            product_id: string;
            buyer_id: string;
            /** @description The claim of the review coupon this review earned (R14) */
            claim_id: string;
            /**
             * @description R16: the label stored with the review
             * @example Verified purchase Incentivized Review
             */
            label: string;
            /**
             * Format: date-time
             * @description When the review's approval was recorded (shop clock)
             * @example 2026-12-01T00:00:00Z
             */
            at: string;
        };
        ShopAuditEntry: {
            id: string;
            /** @enum {string} */
            action: "created" | "updated" | "deactivated" | "duplicated" | "addon_created" | "key_created" | "key_revoked" | "shop_updated" | "webhook_endpoint_created" | "webhook_endpoint_deleted";
            /** @description The id of the API key that made the change, or `system` */
            actor: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            at: string;
            /** @description For edits `{before, after}` of the fields that changed */
            changes: {
                [key: string]: unknown;
            };
            /** @description The coupon the entry is about; null for the shop's own (keys, settings) */
            coupon_id: string | null;
        };
        /** @enum {string} */
        WebhookEventType: "coupon.created" | "coupon.updated" | "coupon.deactivated" | "coupon.exhausted" | "claim.created" | "redemption.reserved" | "redemption.committed" | "redemption.released" | "review_coupon.issued";
        WebhookEndpoint: {
            id: string;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
        };
        WebhookDelivery: {
            id: string;
            endpoint_id: string;
            event_id: string;
            type: components["schemas"]["WebhookEventType"];
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            last_status_code: number | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            created_at: string;
        };
        CampaignCode: {
            /** @description The full code (shop prefix + suffix) */
            code: string;
            /** @enum {string} */
            state: "available" | "reserved" | "redeemed";
            /** @description The order that reserved or redeemed it */
            order_id: string | null;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            redeemed_at: string | null;
        };
        AddedCampaignCodes: {
            added: number;
            refused: {
                code: string;
                /**
                 * @description `promo_code_taken`: a live promo code of the region holds it (R19); `code_not_allowed`: a blocked word (R20); `code_invalid`: not 2–8 letters or digits; `duplicate_in_request`: the same code earlier in this call
                 * @enum {string}
                 */
                reason: "promo_code_taken" | "code_not_allowed" | "code_invalid" | "duplicate_in_request";
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request's id (the `X-Request-Id` sent, if well formed, else a new one); problems repeat it as `request_id`. */
        "X-Request-Id": string;
        /** @description The coupon's `version`, quoted; send it back as `If-Match` to change exactly this version. */
        ETag: string;
        /** @description Seconds to wait before the next look-up can succeed. */
        "Retry-After": string;
        /** @description With a `text/csv` answer: `attachment`, with a file name. */
        "Content-Disposition": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createShop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    region: string;
                    /** @example USD */
                    currency: string;
                    /**
                     * @default test
                     * @enum {string}
                     */
                    mode?: "test" | "live";
                    /** @default [] */
                    allowed_origins?: string[];
                    /** @default true */
                    addon_coupons?: boolean;
                    /** @description R3 minimum fixed discounts in effect: the shop's own, or the defaults for its currency */
                    min_fixed_minor?: {
                        regular: number;
                        follower: number;
                        review: number;
                        chat: number;
                        promo_code: number;
                    };
                };
            };
        };
        responses: {
            /** @description The shop, with its keys shown this once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shop: components["schemas"]["Shop"];
                        secret_key: string;
                        publishable_key: string;
                        buyer_token_secret: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shop: components["schemas"]["Shop"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateShop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Platform operator only */
                    name?: string;
                    /** @description Replaces the whole list */
                    allowed_origins?: string[];
                    /** @description Origins to add to the list (those already in it stay once) */
                    allowed_origins_add?: string[];
                    /** @description Origins to take off the list (those not in it are ignored) */
                    allowed_origins_remove?: string[];
                    /** @description Platform operator only */
                    addon_coupons?: boolean;
                    min_fixed_minor?: {
                        regular: number;
                        follower: number;
                        review: number;
                        chat: number;
                        promo_code: number;
                    } | null;
                    blocked_words?: string[];
                };
            };
        };
        responses: {
            /** @description The shop */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shop: components["schemas"]["Shop"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setTestClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    now: string | null;
                };
            };
        };
        responses: {
            /** @description The shop clock */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        now: string;
                        frozen: boolean;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                type?: "regular" | "follower" | "review" | "chat" | "promo_code";
                status?: "upcoming" | "ongoing" | "ended" | "deactivated";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Coupon"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "regular";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * @default all
                     * @enum {string}
                     */
                    audience?: "all" | "new" | "existing" | "repeat";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    /** @default 1 */
                    per_customer_limit?: number;
                } | {
                    /** @enum {string} */
                    type: "follower";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * @default all_followers
                     * @enum {string}
                     */
                    audience?: "all_followers" | "new_followers";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    };
                } | {
                    /** @enum {string} */
                    type: "review";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    };
                } | {
                    /** @enum {string} */
                    type: "chat";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    /** @default 1 */
                    per_customer_limit?: number;
                } | {
                    /** @enum {string} */
                    type: "promo_code";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    /** @description Total uses; required unless `unique_codes` (then it is their count) */
                    quantity?: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    code?: string;
                    /** @description Generate `count` single-use codes, each the shop prefix + `length` random characters without look-alikes (no 0/O, 1/I/L); `quantity` is the count */
                    unique_codes?: {
                        count: number;
                        length: number;
                    };
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_ends_at: string;
                    /**
                     * @description 1 (default) or null (unlimited); a campaign (`unique_codes`) takes none: each code is used once
                     * @enum {number|null}
                     */
                    per_customer_limit?: 1 | null;
                };
            };
        };
        responses: {
            /** @description The new coupon and its addons */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                        addons: components["schemas"]["Coupon"][];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed, or code_space_exhausted (too few free campaign codes of that length) */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "regular";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * @default all
                     * @enum {string}
                     */
                    audience?: "all" | "new" | "existing" | "repeat";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    /** @default 1 */
                    per_customer_limit?: number;
                } | {
                    /** @enum {string} */
                    type: "follower";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * @default all_followers
                     * @enum {string}
                     */
                    audience?: "all_followers" | "new_followers";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    };
                } | {
                    /** @enum {string} */
                    type: "review";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    };
                } | {
                    /** @enum {string} */
                    type: "chat";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    quantity: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at: string;
                    validity: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    /** @default 1 */
                    per_customer_limit?: number;
                } | {
                    /** @enum {string} */
                    type: "promo_code";
                    name: string;
                    discount: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    /** @default 0 */
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    /** @description Total uses; required unless `unique_codes` (then it is their count) */
                    quantity?: number;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @default keep_used
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                    code?: string;
                    /** @description Generate `count` single-use codes, each the shop prefix + `length` random characters without look-alikes (no 0/O, 1/I/L); `quantity` is the count */
                    unique_codes?: {
                        count: number;
                        length: number;
                    };
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_starts_at: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_ends_at: string;
                    /**
                     * @description 1 (default) or null (unlimited); a campaign (`unique_codes`) takes none: each code is used once
                     * @enum {number|null}
                     */
                    per_customer_limit?: 1 | null;
                };
            };
        };
        responses: {
            /** @description What the create would make */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponPreview"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken or code_not_allowed */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed code look-ups */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupon */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The coupon `version` you read (`3`, `"3"` or `W/"3"`, as in the `ETag`). On a mismatch the answer is 412 `version_mismatch`. Optional: without it the change applies to the current version (still as one conditional write). */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    discount?: {
                        /** @enum {string} */
                        kind: "fixed";
                        amount_minor: number;
                    } | {
                        /** @enum {string} */
                        kind: "percent";
                        percent_off: number;
                        max_discount_minor?: number | null;
                    };
                    min_spend_minor?: number;
                    /**
                     * @default {
                     *       "kind": "shop"
                     *     }
                     */
                    scope?: {
                        /** @enum {string} */
                        kind: "shop";
                    } | {
                        /** @enum {string} */
                        kind: "products";
                        product_ids: string[];
                    };
                    /** @enum {string} */
                    audience?: "all" | "new" | "existing" | "repeat" | "all_followers" | "new_followers";
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at?: string;
                    validity?: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    code?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_starts_at?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_ends_at?: string;
                    quantity?: number;
                    per_customer_limit?: number | null;
                    /** @description The most discount the coupon's reserved and committed uses may reach together (minor units); a use that would pass it is refused with `budget_exhausted` */
                    budget_minor?: number | null;
                    /**
                     * @description What `order.refunded` after commit does: `keep_used` keeps the use; `return_unit` gives the unit, the buyer's use (claim or campaign code) and the budget back, once
                     * @enum {string}
                     */
                    refund_policy?: "keep_used" | "return_unit";
                };
            };
        };
        responses: {
            /** @description The changed coupon */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description edit_not_allowed, name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description version_mismatch: If-Match names another version */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateCoupon: {
        parameters: {
            query?: never;
            header?: {
                /** @description The coupon `version` you read (`3`, `"3"` or `W/"3"`, as in the `ETag`). On a mismatch the answer is 412 `version_mismatch`. Optional: without it the change applies to the current version (still as one conditional write). */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deactivated coupon */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description version_mismatch */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    duplicateCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_starts_at?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    claim_ends_at?: string;
                    validity?: {
                        /** @enum {string} */
                        kind: "days_after_claim";
                        days: number;
                    } | {
                        /** @enum {string} */
                        kind: "fixed";
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        starts_at: string;
                        /**
                         * Format: date-time
                         * @example 2026-12-01T00:00:00Z
                         */
                        ends_at: string;
                    };
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_starts_at?: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    active_ends_at?: string;
                    code?: string;
                };
            };
        };
        responses: {
            /** @description The new coupon */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description name_taken, new_customer_coupon_overlap, review_coupon_overlap, promo_code_taken, code_not_allowed */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description rate_limited: a code the seller chose while the shop's guessing limit is reached (each promo_code_taken counts as a failed look-up) */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCouponHistory: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCouponPerformance: {
        parameters: {
            query?: {
                /** @description A UTC day (`YYYY-MM-DD`, meaning its midnight) or an RFC 3339 time */
                from?: string;
                /** @description A UTC day (`YYYY-MM-DD`, meaning its midnight) or an RFC 3339 time */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupon's numbers */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Performance"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCouponRecipients: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of recipients. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ChatRecipient"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not_a_chat_coupon */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    buyer_id: string;
                };
            };
        };
        responses: {
            /** @description The coupon and the send */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        coupon: components["schemas"]["Coupon"];
                        sent: {
                            buyer_id: string;
                            /**
                             * Format: date-time
                             * @example 2026-12-01T00:00:00Z
                             */
                            sent_at: string;
                        };
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not_a_chat_coupon, expired or deactivated */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromoCodeAvailability: {
        parameters: {
            query: {
                code: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the code is free for this shop */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromoCodeAvailability"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed code look-ups */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPromoCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the code is live, and its terms */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromoCodeLookup"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed code look-ups */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quoteCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    buyer_id?: string;
                    code?: string;
                    coupon_id?: string;
                    /** @default false */
                    explain?: boolean;
                    /** @description A cart. Its subtotal (Σ quantity × unit_price_minor − product_discount_minor) is at most 9,007,199,254 minor units (9007199254 = (2^53 − 1) / 1,000,000): a coupon's 1,000,000 uses of the largest order still sum to an exact integer. Larger carts are 422. */
                    cart: {
                        /** @example USD */
                        currency: string;
                        lines: {
                            line_id: string;
                            product_id: string;
                            quantity: number;
                            unit_price_minor: number;
                            /** @default 0 */
                            product_discount_minor?: number;
                        }[];
                        /** @default 0 */
                        shipping_minor?: number;
                        /** @default 0 */
                        shipping_discount_minor?: number;
                    };
                };
            };
        };
        responses: {
            /** @description The priced cart */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed code look-ups */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of keys */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "secret" | "publishable";
                };
            };
        };
        responses: {
            /** @description The key, and its secret shown this once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: components["schemas"]["ApiKey"];
                        secret: string;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: components["schemas"]["ApiKey"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such key in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description last_secret_key: the shop's only active secret key */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "order.paid";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    order_id: string;
                    total_minor: number;
                } | {
                    /** @enum {string} */
                    type: "order.refunded";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    order_id: string;
                } | {
                    /** @enum {string} */
                    type: "order.cancelled";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    order_id: string;
                } | {
                    /** @enum {string} */
                    type: "follow.created";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    /** @enum {string} */
                    target: "shop" | "live";
                } | {
                    /** @enum {string} */
                    type: "follow.deleted";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    /** @enum {string} */
                    target: "shop" | "live";
                } | {
                    /** @enum {string} */
                    type: "review.approved";
                    id: string;
                    /**
                     * Format: date-time
                     * @example 2026-12-01T00:00:00Z
                     */
                    occurred_at: string;
                    buyer_id: string;
                    order_id: string;
                    product_id: string;
                    word_count: number;
                    media_count: number;
                };
            };
        };
        responses: {
            /** @description The event's result (the first one, for a repeated id) */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResult"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description order_buyer_mismatch */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStorefrontCoupons: {
        parameters: {
            query?: {
                product_id?: string;
                buyer_id?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of coupons */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["StorefrontCoupon"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimStorefrontCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    buyer_id?: string;
                };
            };
        };
        responses: {
            /** @description The new claim */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claim: components["schemas"]["Claim"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The claim is refused; `code` says why */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStorefrontWallet: {
        parameters: {
            query?: {
                buyer_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The buyer's claims */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WalletEntry"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description No buyer named (`buyer_required`), a bad token, or a missing key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCheckoutRedemption: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    buyer_id?: string;
                    code?: string;
                    coupon_id?: string;
                    /** @default false */
                    explain?: boolean;
                    /** @description A cart. Its subtotal (Σ quantity × unit_price_minor − product_discount_minor) is at most 9,007,199,254 minor units (9007199254 = (2^53 − 1) / 1,000,000): a coupon's 1,000,000 uses of the largest order still sum to an exact integer. Larger carts are 422. */
                    cart: {
                        /** @example USD */
                        currency: string;
                        lines: {
                            line_id: string;
                            product_id: string;
                            quantity: number;
                            unit_price_minor: number;
                            /** @default 0 */
                            product_discount_minor?: number;
                        }[];
                        /** @default 0 */
                        shipping_minor?: number;
                        /** @default 0 */
                        shipping_discount_minor?: number;
                    };
                    order_id: string;
                };
            };
        };
        responses: {
            /** @description The reservation */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemption: components["schemas"]["Redemption"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing could be reserved; `code` says why */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed code look-ups */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The redemption */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemption: components["schemas"]["Redemption"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such redemption in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commitRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The committed redemption */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemption: components["schemas"]["Redemption"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such redemption in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description redemption_released */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The released redemption */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemption: components["schemas"]["Redemption"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such redemption in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description redemption_committed */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRedemptions: {
        parameters: {
            query?: {
                coupon_id?: string;
                state?: "reserved" | "committed" | "released";
                /** @description Reserved at or after (a UTC day or an RFC 3339 time) */
                from?: string;
                /** @description Reserved before (exclusive) */
                to?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of redemptions. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Redemption"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                /** @description Only the reviews that earned this review coupon */
                coupon_id?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of incentivized reviews. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IncentivizedReview"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClaims: {
        parameters: {
            query?: {
                coupon_id?: string;
                buyer_id?: string;
                state?: "available" | "reserved" | "used" | "expired" | "void";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of claims. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Claim"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                coupon_id?: string;
                action?: "created" | "updated" | "deactivated" | "duplicated" | "addon_created" | "key_created" | "key_revoked" | "shop_updated" | "webhook_endpoint_created" | "webhook_endpoint_deleted";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ShopAuditEntry"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    events: ("coupon.created" | "coupon.updated" | "coupon.deactivated" | "coupon.exhausted" | "claim.created" | "redemption.reserved" | "redemption.committed" | "redemption.released" | "review_coupon.issued")[];
                };
            };
        };
        responses: {
            /** @description The endpoint, with its secret shown this once */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_endpoint: components["schemas"]["WebhookEndpoint"] & {
                            secret: string;
                        };
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description too_many_endpoints */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted endpoint */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_endpoint: components["schemas"]["WebhookEndpoint"];
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpointDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, due now */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook_delivery: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such delivery in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCouponCodes: {
        parameters: {
            query?: {
                state?: "available" | "reserved" | "redeemed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of codes. With `Accept: text/csv`: the whole filtered list as a CSV attachment (header row of the item's field names; `limit` and `cursor` are ignored), streamed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Content-Disposition": components["headers"]["Content-Disposition"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CampaignCode"][];
                        next_cursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not_a_campaign */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addCouponCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Suffixes of 2–8 letters or digits (case does not matter); the shop prefix is added */
                    codes: string[];
                };
            };
        };
        responses: {
            /** @description What was added and what was refused */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddedCampaignCodes"];
                };
            };
            /** @description Missing, unknown or revoked key */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A key of the wrong kind */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such coupon in this shop */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description not_a_campaign or edit_not_allowed */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description body_too_large: the body is larger than the server takes */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description unsupported_media_type: bodies are `application/json` */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid input */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description rate_limited: the shop's guessing limit is reached */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description internal_error: an unexpected fault; the answer's request id finds it in the server's log */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    couponCreatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    couponUpdatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    couponDeactivatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponDeactivatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    couponExhaustedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CouponExhaustedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    claimCreatedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    redemptionReservedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedemptionReservedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    redemptionCommittedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedemptionCommittedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    redemptionReleasedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedemptionReleasedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reviewCouponIssuedEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(endpoint secret, "<t>.<raw body>")>`; `edge-coupons/client/webhooks` verifies it */
                "coupon-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewCouponIssuedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx within 10 s acknowledges the delivery (its body is ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Anything else, or no answer within 10 s: the delivery is retried */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
