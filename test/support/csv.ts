/**
 * Reading the API's CSV downloads in tests with an independent RFC 4180 parser (csv-parse), and the text
 * a JSON value must have in a cell: empty for null, JSON for objects and arrays, a formula-like text behind
 * a ', else the value as text.
 */
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records: string[][] = parse(text, { relax_column_count: false, bom: false });
  const [header, ...rest] = records;
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  // A text a spreadsheet would run as a formula is written with a leading ' (CSV injection).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The CSV holds exactly the JSON items, in order: the header is their field names, each cell their value. */
export function expectCsvOf(text: string, items: Record<string, unknown>[], label: string) {
  const { header, rows } = parseCsv(text);
  expect(text.endsWith("\r\n"), label).toBe(true);
  if (items.length) expect(header, label).toEqual(Object.keys(items[0]));
  expect(rows.length, label).toBe(items.length);
  rows.forEach((row, i) => {
    const expected = Object.fromEntries(header.map((h) => [h, cellText(items[i][h])]));
    expect(row, `${label} row ${i}`).toEqual(expected);
  });
}
