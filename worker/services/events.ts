/**
 * `POST /v1/events`: buyer facts as rows (orders, follows, reviews), idempotent by event id per shop.
 * Everything one event changes, plus its stored answer, is written in one batch (see store/events.ts),
 * so a repeated or concurrent delivery of the same id never writes a fact twice.
 */
import type { Db } from "../../db/client.js";
import { toIso, toMillis } from "../contract/common.js";
import type { EventInput, EventResult } from "../contract/events.js";
import type { Seller, ShopRow } from "../lib/caller.js";
import { hashBody, type SyncSha256 } from "../lib/crypto.js";
import type { Deps } from "../lib/deps.js";
import { ApiError } from "../lib/problem.js";
import { factSql, orderOwner } from "../store/buyer-facts.js";
import { finishEventSql, getEvent, insertEventSql, newEventClaim, ownsEvent, type StoredEvent } from "../store/events.js";
import { jsonText, runStatements, type Statement } from "../store/statement.js";
import { commitOrderRedemptions, refundOrderRedemptions, releaseOrderRedemptions } from "./redemptions.js";
import { planReviewApproved } from "./review-coupons.js";

interface EventContext {
  db: Db;
  shop: ShopRow;
  /** The shop clock: business rules are judged at arrival, not at `occurred_at`. */
  now: number;
  /** The host's synchronous SHA-256, if any (the body hash of an event id). */
  sha256?: SyncSha256;
}

function replay(stored: StoredEvent, bodyHash: string): EventResult {
  if (stored.body_hash !== bodyHash) {
    throw new ApiError(
      422,
      "idempotency_key_reused",
      `Event ${stored.id} was already received with a different body; send a new id for a new event.`,
    );
  }
  return stored.result as EventResult;
}

export async function processEvent(deps: Deps, seller: Seller, input: EventInput): Promise<EventResult> {
  const ctx: EventContext = { db: deps.db, shop: seller.shop, now: seller.now, sha256: deps.sha256 };
  const { db, shop, now } = ctx;
  const bodyHash = await hashBody(input, ctx.sha256);
  const seen = await getEvent(db, shop.id, input.id);
  if (seen) {
    const answer = replay(seen, bodyHash);
    // A redelivery also settles the order: if the process died between recording the event and
    // settling its redemption, the retry the sender makes is what finishes the job.
    await settleOrder(ctx, input);
    return answer;
  }

  const at = toMillis(input.occurred_at);
  if (at > now) {
    throw new ApiError(422, "occurred_in_future", "`occurred_at` lies after the shop clock.", [
      { path: "occurred_at", code: "occurred_in_future", message: `must not be after ${toIso(now)}` },
    ]);
  }
  if ("order_id" in input && input.type !== "review.approved") {
    // An order id names one buyer's order; a fact about it from another buyer is a mistake to report.
    const owner = await orderOwner(db, shop.id, input.order_id);
    if (owner && owner.buyer_id !== input.buyer_id) {
      throw new ApiError(409, "order_buyer_mismatch", `Order ${input.order_id} belongs to another buyer.`);
    }
  }

  const ev = newEventClaim(shop.id, input.id, input.type, bodyHash, now);
  const guard = ownsEvent(ev);
  const base: EventResult = {
    id: input.id,
    type: input.type,
    buyer_id: input.buyer_id,
    occurred_at: toIso(at),
    processed: true,
  };
  let facts: Statement[];
  let result: Statement = jsonText(base);
  switch (input.type) {
    case "order.paid":
      facts = [factSql.orderPaid(shop.id, input.buyer_id, input.order_id, input.total_minor, at, guard)];
      break;
    case "order.refunded":
      facts = [factSql.orderRefunded(shop.id, input.buyer_id, input.order_id, at, guard)];
      break;
    case "order.cancelled":
      facts = [factSql.orderCancelled(shop.id, input.buyer_id, input.order_id, at, guard)];
      break;
    case "follow.created":
      facts = [factSql.followCreated(shop.id, input.buyer_id, input.target, at, guard)];
      break;
    case "follow.deleted":
      facts = [factSql.followDeleted(shop.id, input.buyer_id, input.target, at, guard)];
      break;
    case "review.approved": {
      const plan = await planReviewApproved(db, shop, now, input, guard);
      facts = plan.statements;
      result = plan.result(base);
      break;
    }
  }

  const statements = [insertEventSql(ev), ...facts, finishEventSql(ev, result)];
  await runStatements(db, statements);
  await settleOrder(ctx, input);

  // Whoever won the id (this delivery or a concurrent one), the stored answer is the answer.
  const stored = await getEvent(db, shop.id, input.id);
  if (!stored) throw new Error(`event ${input.id} vanished after its batch`);
  return replay(stored, bodyHash);
}

/**
 * Payment commits and cancellation releases the order's reserved redemption (R27); a refund marks its
 * committed one refunded and, under `return_unit`, gives back what it used. Each only moves redemptions
 * still in the state it leaves, so asking again (a redelivery, a concurrent delivery) changes nothing.
 */
async function settleOrder({ db, shop, now }: EventContext, input: EventInput): Promise<void> {
  if (input.type === "order.paid") await commitOrderRedemptions(db, shop.id, input.order_id, now);
  if (input.type === "order.cancelled") await releaseOrderRedemptions(db, shop.id, input.order_id, now, "order_cancelled");
  if (input.type === "order.refunded") await refundOrderRedemptions(db, shop.id, input.order_id, now);
}
