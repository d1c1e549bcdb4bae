/** Building blocks of the zod contract shared by several features (and so by the OpenAPI document). */
import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES, REASON_CODES } from "./codes.js";

/** Opaque external ids (product, buyer, order, line, event): 1 to 64 characters. */
export const ExternalId = z.string().min(1).max(64);

/** RFC 3339 timestamps; answers are always UTC with a `Z`. */
export const Timestamp = z.iso.datetime({ offset: true }).openapi({ example: "2026-12-01T00:00:00Z" });

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "an ISO 4217 code in upper case, like USD")
  .openapi({ example: "USD" });

/** Integer minor units, bounded so that sums of a few thousand lines stay safe integers. */
export const MinorAmount = z.int().min(0).max(1_000_000_000_000);

export const Limit = z.coerce.number().int().min(1).max(100).default(20);
export const Cursor = z.string().max(200).optional();
/** The cursor of a list ordered by time: it carries the last item's id (a buyer's may be long). */
export const KeyCursor = z.string().max(1200).optional();

/** A bound of a time filter: a UTC day (`2026-12-01`, its midnight) or an RFC 3339 time. */
export const DayOrTime = z
  .union([z.iso.date(), Timestamp])
  .openapi({ description: "A UTC day (`YYYY-MM-DD`, meaning its midnight) or an RFC 3339 time", example: "2026-12-01" });

/** A `DayOrTime` as epoch milliseconds (a day is its midnight UTC). */
export const dayOrTimeMillis = (value: string): number => Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);

/** A UTC day as `YYYY-MM-DD` from its day number (days since 1970-01-01). */
export const dayDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * `schema` or null. Use it for a named component (one with `.openapi("Name")`): zod-to-openapi writes
 * `.nullable()` of one as the bare `$ref`, losing the null, while a union with null comes out as
 * `anyOf: [$ref, {type: "null"}]`. (`.nullable()` of an unnamed schema is written right.)
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** A page of a list: its items and the cursor of the next page (null on the last). */
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

/** Why a coupon does not apply: a candidate's `reasons[].code`, a refused claim's or redemption's `code`. */
export const ReasonCodeSchema = z.enum(REASON_CODES).openapi("ReasonCode");
/** Every problem `code` (the reason codes among them), listed in worker/contract/codes.ts. */
export const ProblemCodeSchema = z.enum(PROBLEM_CODES).openapi("ProblemCode");

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: ProblemCodeSchema,
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    request_id: z.string().optional(),
  })
  .openapi("Problem");

export function toIso(ms: number): string;
export function toIso(ms: number | null): string | null;
export function toIso(ms: number | null): string | null {
  if (ms == null) return null;
  // The last time written is kept: answers write the same few times over and over (a code's end), and
  // Date's toISOString is a runtime call (bench/notes.md).
  if (ms === lastIso.ms) return lastIso.iso;
  // Held to the range a Date can show (±8.64e15 ms): no stored time can make an answer fail.
  const iso = new Date(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, ms))).toISOString();
  lastIso.ms = ms;
  lastIso.iso = iso;
  return iso;
}
const MAX_DATE_MS = 8.64e15;
const lastIso = { ms: Number.NaN, iso: "" };

export const toMillis = (iso: string): number => Date.parse(iso);
