/**
 * The compiled success path of a request schema (worker/adapters/node/compiled-parse.ts) must answer what
 * zod answers, or UNSURE: zod stays the one validator and alone words every 422. Checked on the quote's
 * and the redemption's bodies with valid and broken carts, and on one schema per construct it compiles.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileParse as compileWith } from "../../worker/adapters/node/compiled-parse.js";
import { QuoteBody } from "../../worker/contract/checkout.js";
import { RedemptionBody } from "../../worker/contract/redemptions.js";
import { makeTestApp } from "../support/app.js";

const UNSURE = Symbol("unsure");
const compileParse = (schema: z.ZodType) => compileWith(schema, UNSURE);

/** Keys in order, all the way down: zod's output is a new object in the shape's order. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value === "object" && value !== null) return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return value;
}

/** The invariant: UNSURE, or zod accepts and gives the same value with the same key order. Returns whether it was sure. */
function agrees(schema: z.ZodType, input: unknown): boolean {
  const compiled = compileParse(schema);
  if (!compiled) throw new Error("schema did not compile");
  const fast = compiled(structuredClone(input));
  const zod = schema.safeParse(structuredClone(input));
  if (fast === UNSURE) return false;
  expect(zod.success).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  expect(keyOrder(fast)).toStrictEqual(keyOrder(zod.data));
  return true;
}

// Strings around the limits, code points counted as zod counts them (an emoji is one, in two UTF-16 units).
const text = fc.oneof(
  fc.string({ maxLength: 70 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "  code  ", "😀".repeat(32), "😀".repeat(33), "a".repeat(64), "a".repeat(65), "😀".repeat(64)),
);
const int = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1, 0.5, -0, 2 ** 53));

const validLine = fc.record(
  {
    line_id: fc.string({ minLength: 1, maxLength: 20 }),
    product_id: fc.string({ minLength: 1, maxLength: 64 }),
    quantity: fc.integer({ min: 1, max: 10_000 }),
    unit_price_minor: fc.integer({ min: 0, max: 10_000 }), // 25 lines stay under the cart's ceiling
    product_discount_minor: fc.constant(0),
  },
  { requiredKeys: ["line_id", "product_id", "quantity", "unit_price_minor"] },
);
const validQuote = fc.record(
  {
    buyer_id: fc.string({ minLength: 1, maxLength: 64 }),
    code: fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((s) => s.trim().length > 0)
      .map((s) => ` ${s} `),
    coupon_id: fc.string({ minLength: 1, maxLength: 64 }),
    explain: fc.boolean(),
    cart: fc.record(
      {
        currency: fc.constantFrom("USD", "EUR", "JPY"),
        lines: fc.uniqueArray(validLine, { minLength: 1, maxLength: 25, selector: (l) => l.line_id }),
        shipping_minor: fc.integer({ min: 0, max: 5_000 }),
        shipping_discount_minor: fc.constant(0),
      },
      { requiredKeys: ["currency", "lines"] },
    ),
  },
  { requiredKeys: ["cart"] },
);

type Json = Record<string, unknown>;
/** One thing wrong (or oddly right) somewhere in a valid quote: a field removed, replaced, or added. */
const broken = fc
  .tuple(validQuote, fc.nat(), fc.constantFrom("delete", "replace", "add"), fc.oneof(text, int(-2, 2), fc.anything()))
  .map(([quote, at, how, value]) => {
    const body = structuredClone(quote) as Json;
    const cart = body.cart as Json;
    const lines = cart.lines as Json[];
    const targets: [Json, string][] = [
      [body, "buyer_id"],
      [body, "code"],
      [body, "explain"],
      [body, "cart"],
      [cart, "currency"],
      [cart, "lines"],
      [cart, "shipping_minor"],
      [cart, "shipping_discount_minor"],
      ...lines.flatMap((line) => Object.keys(line).map((k): [Json, string] => [line, k])),
    ];
    const [where, key] = targets[at % targets.length];
    if (how === "delete") delete where[key];
    else if (how === "replace") where[key] = value;
    else where[`${key}_extra`] = value;
    return body;
  });

describe("a request body's compiled success path answers as zod does", () => {
  it("takes every valid quote and gives zod's value (defaults filled in, the code trimmed, keys in order)", () => {
    fc.assert(
      fc.property(validQuote, (body) => {
        expect(agrees(QuoteBody, body)).toBe(true);
      }),
    );
  });

  it("a valid redemption body too", () => {
    fc.assert(
      fc.property(validQuote, fc.string({ minLength: 1, maxLength: 64 }), (body, order_id) => {
        expect(agrees(RedemptionBody, { ...body, order_id })).toBe(true);
      }),
    );
  });

  it("on a broken quote is unsure whenever zod refuses it, and agrees when zod takes it", () => {
    let sure = 0;
    fc.assert(
      fc.property(broken, (body) => {
        if (agrees(QuoteBody, body)) sure++;
      }),
      { numRuns: 2_000 },
    );
    expect(sure).toBeGreaterThan(0); // some changes keep the body valid (a field's new value in range)
  });

  it("refinements decide as zod's: a discount over the line, a repeated line id, shipping's discount over shipping", () => {
    const line = { line_id: "a", product_id: "p", quantity: 2, unit_price_minor: 100 };
    const cart = (c: Json) => ({ cart: { currency: "USD", lines: [line], ...c } });
    expect(agrees(QuoteBody, cart({ lines: [{ ...line, product_discount_minor: 201 }] }))).toBe(false);
    expect(agrees(QuoteBody, cart({ lines: [{ ...line, product_discount_minor: 200 }] }))).toBe(true);
    expect(agrees(QuoteBody, cart({ lines: [line, { ...line }] }))).toBe(false);
    expect(agrees(QuoteBody, cart({ shipping_minor: 5, shipping_discount_minor: 6 }))).toBe(false);
    expect(agrees(QuoteBody, cart({ lines: [{ ...line, quantity: 10_000, unit_price_minor: 100_000_000 }] }))).toBe(false);
    expect(QuoteBody.safeParse(cart({ lines: [{ ...line, quantity: 10_000, unit_price_minor: 100_000_000 }] })).success).toBe(false);
  });
});

describe("each construct it compiles, against zod on any input", () => {
  const schemas: Record<string, [z.ZodType, fc.Arbitrary<unknown>]> = {
    "a trimmed, bounded string": [z.string().trim().min(2).max(5), text],
    "a string format": [z.email(), fc.oneof(fc.emailAddress(), text)],
    "a regex": [z.string().regex(/^[A-Z]{3}$/), fc.oneof(fc.constantFrom("USD", "usd", "US"), text)],
    "an int in range": [z.int().min(-3).max(3), fc.oneof(int(-4, 4), fc.double())],
    "a number": [z.number().gt(0).lte(1), fc.oneof(fc.double(), fc.constantFrom(0, 1, 1.5))],
    "a boolean": [z.boolean(), fc.oneof(fc.boolean(), fc.anything())],
    "an enum": [z.enum(["a", "b"]), fc.oneof(fc.constantFrom("a", "b", "c"), fc.anything())],
    "a literal": [z.literal(3), fc.oneof(fc.constantFrom(3, "3"), fc.anything())],
    "optional, nullable, default": [
      z.object({ a: z.string().optional(), b: z.int().nullable(), c: z.boolean().default(() => true), d: z.array(z.int()).default([]) }),
      fc.record(
        { a: fc.oneof(text, fc.constant(undefined)), b: fc.oneof(int(0, 2), fc.constant(null)), c: fc.anything(), d: fc.anything() },
        { requiredKeys: [] },
      ),
    ],
    "a strict object with a refinement": [
      z.strictObject({ x: z.int(), y: z.int() }).refine((o) => o.x < o.y),
      fc.oneof(fc.record({ x: int(0, 3), y: int(0, 3) }), fc.record({ x: int(0, 3), y: int(0, 3), z: fc.anything() }), fc.anything()),
    ],
    "a plain object drops unknown keys": [
      z.object({ x: z.int() }),
      fc.oneof(
        fc.record({ x: int(0, 3), other: fc.anything() }),
        fc.dictionary(fc.constantFrom("x", "__proto__", "toString"), fc.anything()),
      ),
    ],
    "an array with bounds and a refinement": [
      z
        .array(z.string().max(3))
        .min(1)
        .max(3)
        .refine((a) => new Set(a).size === a.length),
      fc.oneof(fc.array(fc.constantFrom("a", "b", "abcd"), { maxLength: 4 }), fc.anything()),
    ],
  };

  for (const [name, [schema, inputs]] of Object.entries(schemas)) {
    it(name, () => {
      let sure = 0;
      fc.assert(
        fc.property(inputs, (input) => {
          if (agrees(schema, input)) sure++;
        }),
        { numRuns: 500 },
      );
      expect(sure).toBeGreaterThan(0);
    });
  }

  it("the constructs above compile; unions, records, coercion, transforms, catchalls and an optional default do not", () => {
    const compiled = Object.entries(schemas)
      .filter(([, [s]]) => compileParse(s) !== null)
      .map(([n]) => n);
    expect(compiled).toEqual(Object.keys(schemas));
    for (const schema of [
      z.union([z.string(), z.int()]),
      z.record(z.string(), z.int()),
      z.coerce.number(),
      z.string().transform((s) => s.length),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string().default("x").optional() }),
    ])
      expect(compileParse(schema)).toBeNull();
  });

  it("a recursive schema is left to zod", () => {
    const Category = z.object({
      name: z.string(),
      get children() {
        return z.array(Category);
      },
    });
    expect(compileParse(Category)).toBeNull();
  });

  it("an async refinement is left to zod", () => {
    const compiled = compileParse(z.object({ a: z.string().refine(async () => true) }));
    expect(compiled?.({ a: "x" })).toBe(UNSURE);
  });
});

describe("the app parses request bodies through the host's compiler", () => {
  it("a valid quote is taken by its compiled path; an invalid one gets zod's 422, field by field", async () => {
    const t = await makeTestApp();
    expect(t.config.compileParse).toBe(compileWith); // the Node host's (useNodeFastPaths)
    const sure: unknown[] = [];
    t.config.compileParse = (schema, unsure) => {
      const parse = compileWith(schema, unsure);
      return (
        parse &&
        ((input) => {
          const out = parse(input);
          if (out !== unsure) sure.push(out);
          return out;
        })
      );
    };
    const s = await t.shop();
    const cart = { currency: "USD", lines: [{ line_id: "a", product_id: "p", quantity: 2, unit_price_minor: 500 }] };
    const ok = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { buyer_id: "b1", cart } });
    expect(ok.status).toBe(200);
    expect(sure).toContainEqual({
      buyer_id: "b1",
      explain: false,
      cart: { ...cart, lines: [{ ...cart.lines[0], product_discount_minor: 0 }], shipping_minor: 0, shipping_discount_minor: 0 },
    });
    const before = sure.length;
    const bad = { ...cart, lines: [{ ...cart.lines[0], quantity: 0, extra: 1 }] };
    const refused = await t.call("POST", "/v1/checkout/quote", { key: s.sk, body: { buyer_id: "b1", cart: bad } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "validation_failed",
      errors: expect.arrayContaining([
        expect.objectContaining({ path: "cart.lines.0.quantity", code: "too_small" }),
        expect.objectContaining({ path: "cart.lines.0", code: "unrecognized_keys" }),
      ]),
    });
    expect(sure).toHaveLength(before); // unsure of it: zod parsed it and wrote the 422
  });
});
