/**
 * The CSV form of a list route (README "Seller tools"): with `Accept: text/csv` the route answers its
 * whole filtered list — `limit` and `cursor` aside — as a streamed attachment whose columns are the JSON
 * fields of the list's item schema, in order (nested values as JSON text).
 */
import { z } from "@hono/zod-openapi";
import { csvResponse, csvStream, listPages } from "../lib/csv.js";

export { wantsCsv } from "../lib/csv.js";

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
export async function csvList<S extends z.ZodObject, Q extends { limit: number; cursor?: string }>(
  name: string,
  item: S,
  q: Q,
  list: (q: Q) => Promise<{ data: z.infer<S>[]; next_cursor: string | null }>,
): Promise<Response> {
  const columns = Object.keys(item.shape) as (keyof z.infer<S> & string)[];
  const pages = await listPages((cursor) => list({ ...q, cursor, limit: EXPORT_PAGE }));
  return csvResponse(name, csvStream(columns, pages));
}
