/**
 * CSV downloads of lists (`Accept: text/csv`): RFC 4180 text (CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled), a header row of the JSON field names, and the rows
 * streamed page by page as the client reads them. The body is a pull stream: the next page is read from
 * the database only when the previous one has been taken, so a download of any length holds about one
 * page in memory, on Node and on Workers alike.
 *
 * Sellers open these files in spreadsheets, and buyer ids, order ids and names come from outside: a text
 * cell that starts with `=`, `+`, `-`, `@`, a tab or a CR would be read as a formula (CSV injection), so it
 * is written with a leading `'`, which spreadsheets show as text. Numbers are written as they are.
 */

/** Whether the caller asked for CSV (`Accept: text/csv`, alone or preferred over JSON). */
export function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const part of accept.split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (type.trim() === "text/csv") csv = Math.max(csv, q);
    else if (type.trim() === "application/json") json = Math.max(json, q);
  }
  return csv > 0 && csv >= json;
}

/** A text a spreadsheet would take for a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: empty for null, JSON for objects and arrays, text kept from formulas, quoted when RFC 4180 requires it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const raw = typeof value === "object" ? JSON.stringify(value) : String(value);
  const text = typeof value === "string" && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The pages of a list, read one at a time; the first is read before the answer starts (see `firstPage`). */
export type Pages<T> = AsyncIterator<T[]>;

/**
 * The rows of `pages` under a header of `columns`, as a byte stream that reads a page only when the
 * reader wants more. A failure after the first byte can no longer change the status: the stream errors
 * and the client sees a cut-off download rather than a wrong one.
 */
export function csvStream<T extends Record<string, unknown>>(
  columns: readonly (keyof T & string)[],
  pages: Pages<T>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = header ? csvRow(columns) : "";
        header = false;
        const next = await pages.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        for (const item of next.value) text += csvRow(columns.map((c) => item[c]));
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await pages.return?.();
      },
    },
    // One page at a time: nothing is read ahead of the client.
    { highWaterMark: 0 },
  );
}

/** The answer: a CSV attachment named `<name>-<UTC date>.csv`, its body streamed. */
export function csvResponse(name: string, body: ReadableStream<Uint8Array>, today = new Date()): Response {
  // Only characters that need no quoting in the header, whatever the name was made of.
  const file = `${name.replace(/[^A-Za-z0-9._-]/g, "_")}-${today.toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A list read page by page through its cursor: the first page now, so its 404 or 422 is still an answer. */
export async function listPages<T>(
  list: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>,
): Promise<Pages<T>> {
  const first = await list(undefined);
  async function* pages() {
    yield first.data;
    for (let cursor = first.next_cursor; cursor !== null; ) {
      const page = await list(cursor);
      yield page.data;
      cursor = page.next_cursor;
    }
  }
  return pages();
}
