/**
 * `POST /v1/events`: buyer facts as rows (orders, follows, reviews), idempotent by event id per shop.
 * Everything one event changes — the event row, its facts, its stored answer and what it settles of its
 * order (a reservation committed or released, a redemption refunded) — is written in ONE batch, which also
 * reads the event row back (store/events.ts): a repeated or concurrent delivery of the same id never writes
 * a fact twice, and the answer needs no read of its own. Where the database is far, that batch is the
 * request's one round trip, the caller's key checked first in it and guarding every statement (README "A
 * request at the edge"). `review.approved` reads first (its coupons decide what to write): two.
 */
import { toIso, toMillis } from "../contract/common.js";
import type { EventInput, EventResult } from "../contract/events.js";
import type { Seller } from "../lib/caller.js";
import { hashBody } from "../lib/crypto.js";
import type { Deps } from "../lib/deps.js";
import { ApiError } from "../lib/problem.js";
import { readAll } from "../store/batch.js";
import { factSql } from "../store/buyer-facts.js";
import {
  eventRead,
  finishEventSql,
  insertEventSql,
  newEventClaim,
  ownsEvent,
  runEventBatch,
  settlesOrder,
  type StoredEvent,
} from "../store/events.js";
import { settleOrderStatements } from "../store/redemptions.js";
import { jsonText, type Statement } from "../store/statement.js";
import { planReviewApproved } from "./review-coupons.js";

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
  const { db } = deps;
  const { shop, now } = seller;
  const bodyHash = await hashBody(input, deps.sha256);
  const at = toMillis(input.occurred_at);
  // A fact from the future is refused, but a redelivery of a recorded event is answered as it was first
  // (the shop clock may have been set back since): only this refusal reads the event first.
  if (at > now && !(await readAll(db, deps.reads(), deps, { seen: eventRead(db, shop.id, input.id) })).seen) {
    throw new ApiError(422, "occurred_in_future", "`occurred_at` lies after the shop clock.", [
      { path: "occurred_at", code: "occurred_in_future", message: `must not be after ${toIso(now)}` },
    ]);
  }

  const ev = newEventClaim(shop.id, input.id, input.type, bodyHash, now);
  const guard = ownsEvent(ev);
  // An order id names one buyer's order: a fact about it from another buyer is refused by the event's own
  // insert (no read first); the refusal is told below, from the event row missing after the batch.
  const order = "order_id" in input && input.type !== "review.approved" ? { orderId: input.order_id, buyerId: input.buyer_id } : undefined;
  const base: EventResult = {
    id: input.id,
    type: input.type,
    buyer_id: input.buyer_id,
    occurred_at: toIso(at),
    processed: true,
  };
  let facts: Statement[];
  let result: Statement = jsonText(base);
  // Payment commits and cancellation releases the order's reserved redemption (R27); a refund marks its
  // committed one refunded and, under `return_unit`, gives back what it used. Each moves only redemptions
  // still in the state it leaves, so a redelivery (which settles again, as the first delivery did) or a
  // concurrent delivery changes nothing twice; an event refused (another body under its id) settles nothing.
  const settle = (kind: "paid" | "cancelled" | "refunded", orderId: string) =>
    settleOrderStatements(kind, shop.id, orderId, now, settlesOrder(ev, deps.keyCheck));
  switch (input.type) {
    case "order.paid":
      facts = [factSql.orderPaid(shop.id, input.buyer_id, input.order_id, input.total_minor, at, guard), ...settle("paid", input.order_id)];
      break;
    case "order.refunded":
      facts = [factSql.orderRefunded(shop.id, input.buyer_id, input.order_id, at, guard), ...settle("refunded", input.order_id)];
      break;
    case "order.cancelled":
      facts = [factSql.orderCancelled(shop.id, input.buyer_id, input.order_id, at, guard), ...settle("cancelled", input.order_id)];
      break;
    case "follow.created":
      facts = [factSql.followCreated(shop.id, input.buyer_id, input.target, at, guard)];
      break;
    case "follow.deleted":
      facts = [factSql.followDeleted(shop.id, input.buyer_id, input.target, at, guard)];
      break;
    case "review.approved": {
      const plan = await planReviewApproved(deps, shop, now, input, guard);
      facts = plan.statements;
      result = plan.result(base);
      break;
    }
  }

  const stored = await runEventBatch(db, deps, ev, [insertEventSql(ev, deps.keyCheck, order), ...facts, finishEventSql(ev, result)]);
  // The key held (the batch's check said so): the row is missing only when its insert was refused, and
  // only the order's buyer refuses it — an order never changes hands, so that refusal stands.
  if (!stored) throw new ApiError(409, "order_buyer_mismatch", `Order ${order?.orderId} belongs to another buyer.`);
  // Whoever won the id (this delivery or an earlier or concurrent one), the stored answer is the answer.
  return replay(stored, bodyHash);
}
