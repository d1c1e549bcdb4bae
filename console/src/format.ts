/**
 * Money, dates and numbers in words and back. Money is integer minor units everywhere (R25); a seller
 * types major units ("12.50"), turned into minor units with the currency's own number of digits.
 */
import { formatMoney } from "../../widget/src/money.js";

export { formatMoney };

/** Minor digits of a currency (USD 2, JPY 0, BHD 3), from Intl. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The currency's symbol ("$", "€", "¥"), or its code when Intl has none: the fixed part of a money field. */
export function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat("en", { style: "currency", currency }).formatToParts(0);
    return parts.find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

/** "12.5" → 1250 (USD); "" → null; anything else that is not a plain amount → NaN. */
export function parseMoney(text: string, currency: string): number | null {
  const s = text.trim().replace(/[\s,]/g, "");
  if (s === "") return null;
  const digits = minorDigits(currency);
  const m = new RegExp(`^(\\d{1,13})(?:\\.(\\d{0,${digits}}))?$`).exec(s);
  if (!m) return NaN;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? "").padEnd(digits, "0") || 0);
}

/** 1250 → "12.50" (USD): the value a money field shows for an amount. */
export function moneyInput(minor: number | null | undefined, currency: string): string {
  if (minor == null) return "";
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/** "42" → 42; "" → null; not a whole number → NaN. */
export function parseInteger(text: string): number | null {
  const s = text.trim().replace(/[\s,]/g, "");
  if (s === "") return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : NaN;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Epoch ms → the value of a `datetime-local` field, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value → RFC 3339 UTC, or null when empty or not a date. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A date in words; a bare `YYYY-MM-DD` (a UTC day of a series) stays that day in every time zone. */
export function formatDate(iso: string | null | undefined, locale = "en"): string {
  if (!iso) return "—";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Date(day ? `${iso}T00:00:00Z` : iso).toLocaleDateString(locale, { dateStyle: "medium", ...(day ? { timeZone: "UTC" } : {}) });
}

export function formatDateTime(iso: string | null | undefined, locale = "en"): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(n: number, locale = "en"): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Splits a pasted list (commas, semicolons, spaces, new lines) into its entries, in order, repeats kept. */
export function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** Splits a pasted list of product ids (commas, spaces, new lines) into distinct ids, in order. */
export function parseIdList(text: string): { ids: string[]; repeated: number } {
  const all = splitList(text);
  const ids = [...new Set(all)];
  return { ids, repeated: all.length - ids.length };
}
