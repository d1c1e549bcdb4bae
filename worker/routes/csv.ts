/**
 * The CSV form of a list route (README "Seller tools"): with `Accept: text/csv` the route answers its
 * whole filtered list — `limit` and `cursor` aside — as a streamed attachment whose columns are the JSON
 * fields of the list's item schema, in order (nested values as JSON text).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireSecret, withCaller } from "../lib/auth.js";
import type { Seller } from "../lib/caller.js";
import type { AppEnv } from "../lib/context.js";
import { csvResponse, csvStream, listPages, wantsCsv } from "../lib/csv.js";
import { requestDeps, type Deps } from "../lib/deps.js";

/** Rows read from the database per page of a download: one page is what the server holds at a time. */
export const EXPORT_PAGE = 500;

/** The 200 answer of a list route: its JSON page, or with `Accept: text/csv` the whole list as CSV. */
export const jsonOrCsv = <T extends z.ZodType>(schema: T, description: string) => ({
  description: `${description}. With \`Accept: text/csv\`: the whole filtered list as a CSV attachment (header row of the item's field names; \`limit\` and \`cursor\` are ignored), streamed.`,
  content: {
    "application/json": { schema },
    // Typed `never` so typed clients see the JSON page; the document shows a string.
    "text/csv": {
      schema: z.custom<never>().openapi({ type: "string", description: "RFC 4180 CSV, a header row of the item's field names" }),
    },
  },
});

/**
 * The whole list the query `q` filters, as a CSV download named `<name>-<date>.csv`: `list` (the route's
 * own service) is called with `q` page after page, `EXPORT_PAGE` items at a time, from the first page.
 */
async function csvList<S extends z.ZodObject, Q extends { limit: number; cursor?: string }>(
  name: string,
  item: S,
  q: Q,
  list: (q: Q) => Promise<{ data: z.infer<S>[]; next_cursor: string | null }>,
): Promise<Response> {
  const columns = Object.keys(item.shape) as (keyof z.infer<S> & string)[];
  const pages = await listPages((cursor) => list({ ...q, cursor, limit: EXPORT_PAGE }));
  return csvResponse(name, csvStream(columns, pages));
}

type Page<T> = { data: T[]; next_cursor: string | null };

/**
 * `csvList` for a seller list whose handler is marked `keyCheckedInBatch` (lib/planned-caller.ts): the
 * first page carries the caller's key check in its batch (and is read again for a shop changed meanwhile).
 * The later pages are read after that check and do not carry it again, so a shop edited during a long
 * download does not cut it off.
 */
function checkedCsvList<S extends z.ZodObject, Q extends { limit: number; cursor?: string }>(
  c: Context<AppEnv>,
  name: string,
  item: S,
  q: Q,
  list: (deps: Deps, seller: Seller, q: Q) => Promise<Page<z.infer<S>>>,
): Promise<Response> {
  return withCaller(c, requireSecret, (seller, deps) => {
    let plan = deps;
    return csvList(name, item, q, async (p) => {
      const page = await list(plan, seller, p);
      plan = requestDeps(c);
      return page;
    });
  });
}

/**
 * A seller list route marked `keyCheckedInBatch`: its JSON page in one batch with the key check (README
 * "A request at the edge"), or as a CSV download through `checkedCsvList`.
 */
export async function sellerList<
  S extends z.ZodObject,
  Q extends { limit: number; cursor?: string },
  P extends { data: z.infer<S>[]; next_cursor: string | null },
>(
  c: Context<AppEnv>,
  csv: { name: string; item: S },
  q: Q,
  list: (deps: Deps, seller: Seller, q: Q) => Promise<P>,
): Promise<{ csv: Response } | { csv?: undefined; json: P }> {
  if (wantsCsv(c.req.header("accept"))) return { csv: await checkedCsvList(c, csv.name, csv.item, q, list) };
  return { json: await withCaller(c, requireSecret, (seller, deps) => list(deps, seller, q)) };
}
