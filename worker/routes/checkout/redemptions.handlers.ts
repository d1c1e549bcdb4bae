import { requireSecret, resolveBuyer, shopNow } from "../../lib/auth.js";
import type { AppRouter } from "../../lib/router.js";
import { idempotencyScope } from "../../services/idempotency.js";
import { reserveForOrder } from "../../services/redemptions.js";
import type { RedemptionOut } from "../redemptions/redemptions.schemas.js";
import * as routes from "./redemptions.routes.js";

export function registerCheckoutRedemptionRoutes(app: AppRouter) {
  app.openapi(routes.createRedemption, async (c) => {
    const { shop } = requireSecret(c);
    const body = c.req.valid("json");
    const buyerId = await resolveBuyer(c, requireSecret(c), body.buyer_id);
    const now = shopNow(shop, c.get("config").now());
    const route = "POST /v1/checkout/redemptions";
    const scope = await idempotencyScope(shop.id, c.req.header("idempotency-key"), route, body, now, c.get("config").sha256Hex);
    // A replay of the key is recognised where its answer would be written (see reserveForOrder).
    const answer = await reserveForOrder(c, shop, { ...body, buyer_id: buyerId, explain: false }, now, scope);
    // Refusals (stored or fresh) are thrown as problems; what comes back is the 201. A fresh one is sent
    // as the very text that was stored for its key.
    const created = (body: unknown) => c.json(body as { redemption: RedemptionOut }, 201);
    if (answer.json !== undefined) return c.body(answer.json, 201, { "Content-Type": "application/json" }) as unknown as ReturnType<typeof created>;
    return created(answer.body);
  });
}
