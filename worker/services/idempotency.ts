/**
 * `Idempotency-Key`: a replay gets the first answer with its status; the same key with another request
 * is refused (422 `idempotency_key_reused`). The answer is stored by the write that makes it true (see
 * store/idempotency.ts), so a crash can never leave a change without its answer or the reverse.
 */
import type { ProblemCode } from "../contract/codes.js";
import type { Db } from "../../db/client.js";
import { hashBody, type SyncSha256 } from "../lib/crypto.js";
import { ApiError } from "../lib/problem.js";
import { readAll, UNCHECKED, type WritePlan } from "../store/batch.js";
import { idempotencyRowRead, storeAnswerIfFirst } from "../store/idempotency.js";
import type { BatchPlan } from "../store/key-check.js";
import { Reads } from "../store/read-cache.js";

/** Reads with no key check, one by one. */
const UNCHECKED_READ: BatchPlan = { ...UNCHECKED, batchReads: false };

export interface IdempotencyScope {
  shopId: string;
  key: string;
  route: string;
  bodyHash: string;
  now: number;
}

/** A stored answer: a success body, or a refusal `{code, detail}` replayed as the same problem. */
export interface Answer {
  status: number;
  body: unknown;
  /** `body` as JSON text, when it was written once already to be stored and sent as the same text. */
  json?: string;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export async function idempotencyScope(
  shopId: string,
  key: string | undefined,
  route: string,
  body: unknown,
  now: number,
  sha256?: SyncSha256,
): Promise<IdempotencyScope | null> {
  if (key === undefined || key === "") return null;
  if (!KEY.test(key))
    throw new ApiError(422, "validation_failed", "Idempotency-Key must be 1 to 255 visible ASCII characters.", [
      { path: "Idempotency-Key", code: "invalid_string", message: "1 to 255 visible ASCII characters" },
    ]);
  return { shopId, key, route, bodyHash: await hashBody({ route, body }, sha256), now };
}

/** The first answer to this key, if there is one; a different request under the same key is a 422. */
export async function storedAnswer(db: Db, scope: IdempotencyScope, plan: BatchPlan = UNCHECKED_READ): Promise<Answer | null> {
  const { row } = await readAll(db, Reads.uncached, plan, { row: idempotencyRowRead(db, scope.shopId, scope.key) });
  if (!row || row.status == null) return null;
  if (row.body_hash !== scope.bodyHash || row.route !== scope.route)
    throw new ApiError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was used with a different request; use a new key for a new request.",
    );
  return { status: row.status, body: row.response };
}

export const answerRow = (scope: IdempotencyScope, a: Answer) => ({
  shop_id: scope.shopId,
  key: scope.key,
  route: scope.route,
  body_hash: scope.bodyHash,
  status: a.status,
  response: a.body,
  response_json: a.json,
  created_at: scope.now,
});

/**
 * Throws the refusal, stored first as the key's answer; if another request answered the key first, its
 * answer is the answer.
 */
export async function refuse(
  db: Db,
  scope: IdempotencyScope | null,
  status: 409,
  code: ProblemCode,
  detail: string,
  plan: WritePlan = UNCHECKED,
): Promise<Answer> {
  if (scope && !(await storeAnswerIfFirst(db, answerRow(scope, { status, body: { code, detail } }), plan))) {
    // Named, not spread: a plan may be a request's Deps, whose confirmKey is a method (lib/deps.ts).
    const first = await storedAnswer(db, scope, {
      keyCheck: plan.keyCheck,
      confirmKey: (f, after) => plan.confirmKey(f, after),
      batchReads: false,
    });
    if (first) return replay(first);
  }
  throw new ApiError(status, code, detail);
}

/** A stored refusal is thrown again as the same problem; a success is handed back. */
export function replay(a: Answer): Answer {
  if (a.status >= 400) {
    const b = a.body as { code: ProblemCode; detail: string };
    throw new ApiError(a.status as 409, b.code, b.detail);
  }
  return a;
}
