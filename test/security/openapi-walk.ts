/**
 * Helpers for the suites that walk every route of the OpenAPI document (fuzz, tenant isolation): the
 * operations, `$ref` resolution, a fast-check arbitrary of values shaped by a JSON Schema, and a shop
 * seeded with one object of every kind (coupons of each type, a claim, a redemption) to address.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { at, cart, DAY, expectStatus, HOUR, promoBody, type Res, type ShopKeys, type TestApp } from "../support/app.js";
import { calls, type CouponJson } from "../support/api.js";

export type Schema = Record<string, any>;
export interface Operation {
  method: string;
  path: string;
  op: Schema;
  params: Schema[];
  body: Schema | null;
}

export function operations(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        op,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return out;
}

export function resolver(doc: Schema) {
  return function resolve(s: Schema): Schema {
    let cur = s;
    for (let i = 0; cur?.$ref && i < 20; i++) cur = doc.components.schemas[cur.$ref.replace("#/components/schemas/", "")];
    return cur ?? {};
  };
}

/** Strings a careless parser chokes on. */
export const nastyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "../../etc/passwd",
    "' OR 1=1 --",
    "%",
    "%00",
    "\ud800",
    "😀".repeat(30),
    "a".repeat(5000),
    "__proto__",
    "constructor",
  ),
);

/** Values of the wrong type, huge, tiny or deeply nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 1.5, -0, 0, -1, true, null, [], {}, "1", "NaN", "Infinity"),
  nastyString,
  fc.anything({ maxDepth: 3 }),
  fc.integer({ min: 2, max: 3000 }).map((depth) => nest(depth)),
);

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Times are generated around one instant per run, so one seed makes the same values all run long. */
const WALK_NOW = Date.now();

/** A mostly valid value for `schema` (so requests get past validation and reach the handlers). */
export function valueFor(schema: Schema, resolve: (s: Schema) => Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.oneOf ?? s.anyOf;
  if (union) return fc.oneof(...union.map((u: Schema) => valueFor(u, resolve, depth + 1)));
  const type = Array.isArray(s.type) ? s.type : [s.type];
  if (type.includes("null") && type.length > 1) {
    const rest = { ...s, type: type.filter((x: string) => x !== "null") };
    return fc.option(valueFor(rest, resolve, depth + 1), { nil: null, freq: 5 });
  }
  switch (type[0]) {
    case "object": {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) {
        props[k] = valueFor(v, resolve, depth + 1);
        // Discounts are refined against other fields (≤ price, ≤ shipping): mostly 0, so carts get through.
        if (k.endsWith("discount_minor") && !k.startsWith("max"))
          props[k] = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: props[k] });
      }
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    case "array":
      return fc.array(valueFor(s.items ?? {}, resolve, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case "integer": {
      // Mostly small (a valid cart needs discount ≤ quantity × price), sometimes anywhere in range.
      const min = Math.max(s.minimum ?? -1e6, -1e6);
      const max = Math.min(s.maximum ?? 1e6, Math.max(min, 1e6));
      return fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 100) }) },
        { weight: 1, arbitrary: fc.integer({ min, max }) },
      );
    }
    case "number":
      return fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case "boolean":
      return fc.boolean();
    case "string": {
      if (s.format === "date-time") return fc.integer({ min: -30 * DAY, max: 60 * DAY }).map((ms) => new Date(WALK_NOW + ms).toISOString());
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 20, 20) });
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** One change that makes a value invalid (or not): drop, add, or replace a field somewhere inside. */
export type Mutation = { kind: "none" } | { kind: "drop" | "replace" | "extra"; pick: number; value: unknown };
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "none" } as Mutation) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), pick: fc.nat(), value: fc.constant(null) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("extra" as const), pick: fc.nat(), value: hostileValue }) },
);

export function mutate(value: unknown, m: Mutation): unknown {
  if (m.kind === "none") return value;
  const copy = structuredClone(value);
  const holders: Record<string, unknown>[] = [];
  (function walk(v: unknown) {
    if (v && typeof v === "object") {
      holders.push(v as Record<string, unknown>);
      for (const x of Object.values(v)) walk(x);
    }
  })(copy);
  if (holders.length === 0) return m.kind === "replace" ? m.value : copy;
  const target = holders[m.pick % holders.length];
  const keys = Object.keys(target);
  if (m.kind === "extra" || keys.length === 0) target[Array.isArray(target) ? String(keys.length) : `extra_${m.pick % 7}`] = m.value;
  else if (m.kind === "drop") delete target[keys[m.pick % keys.length]];
  else target[keys[m.pick % keys.length]] = m.value;
  return copy;
}

export function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"));
  }
}

/** Every error is RFC 9457 problem+json with a code; nothing is ever a 5xx. */
export function expectWellFormed(res: Res, label: string) {
  expect(res.status, `${label} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), label).toMatch(/^application\/problem\+json/);
    expect(res.body, label).toMatchObject({
      status: res.status,
      code: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  }
}

const rnd = () => Math.random().toString(36).slice(2, 8);
const window = () => ({ claim_starts_at: at(-HOUR), claim_ends_at: at(40 * DAY), validity: { kind: "days_after_claim", days: 7 } });
export const couponBodies = {
  regular: () => ({ type: "regular", name: `Reg ${rnd()}`, discount: { kind: "fixed", amount_minor: 50 }, quantity: 50, ...window() }),
  follower: () => ({ type: "follower", name: `Fol ${rnd()}`, discount: { kind: "fixed", amount_minor: 300 }, quantity: 50, ...window() }),
  review: () => ({ type: "review", name: `Rev ${rnd()}`, discount: { kind: "fixed", amount_minor: 300 }, quantity: 50, ...window() }),
  chat: () => ({ type: "chat", name: `Chat ${rnd()}`, discount: { kind: "fixed", amount_minor: 50 }, quantity: 50, ...window() }),
  promo_code: () => promoBody({ discount: { kind: "fixed", amount_minor: 50 }, quantity: 50 }),
};

export interface Seeded {
  coupons: Record<string, string>;
  code: string;
  claimId: string | null;
  redemptionId: string | null;
  keyId: string;
  /** Every id of this shop's objects, to look for in other shops' answers. */
  ids: string[];
}

/** One object of every kind in shop `s`, made through the API (routes that do not exist yet are skipped). */
export async function seedShop(t: TestApp, s: ShopKeys): Promise<Seeded> {
  const coupons: Record<string, string> = {};
  let code = "";
  const api = calls(t, s.sk);
  for (const [type, make] of Object.entries(couponBodies)) {
    const { coupon } = await expectStatus(api.createCoupon(make() as CouponJson), 201);
    coupons[type] = coupon.id;
    if (type === "promo_code") code = coupon.code!;
  }
  const paths = Object.keys(((await t.call("GET", "/openapi.json")).body as Schema).paths);
  let claimId: string | null = null;
  if (paths.includes("/v1/storefront/coupons/{id}/claim")) {
    claimId = (await expectStatus(api.claim(coupons.regular, { buyer_id: "buyer-a" }), 201)).claim.id;
  }
  let redemptionId: string | null = null;
  if (paths.includes("/v1/checkout/redemptions")) {
    const order = { buyer_id: "buyer-b", code, order_id: `order-${rnd()}`, cart: cart([{ unit_price_minor: 5000 }]) };
    redemptionId = (await expectStatus(api.redeem(order, `idem-${rnd()}`), 201)).redemption.id;
  }
  // A key of its own to address (revoking it must not lock the tests out of the shop).
  const keyId = (await expectStatus(api.createKey({ kind: "publishable" }), 201)).key.id;
  const ids = [...Object.values(coupons), claimId, redemptionId, keyId, s.id].filter((x): x is string => !!x);
  return { coupons, code, claimId, redemptionId, keyId, ids };
}
