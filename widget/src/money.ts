/**
 * Money in words: integers in the currency's minor unit (R25), formatted with Intl.NumberFormat.
 * The number of minor digits comes from Intl itself (USD 2, JPY 0, BHD 3).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  let f: Intl.NumberFormat;
  try {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
  } catch {
    f = new Intl.NumberFormat("en", { style: "currency", currency: currency || "USD" });
  }
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A date (RFC 3339) in words, e.g. "Mar 3, 2026". */
export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso);
  try {
    return d.toLocaleDateString(locale, { dateStyle: "medium" });
  } catch {
    return d.toLocaleDateString("en", { dateStyle: "medium" });
  }
}
