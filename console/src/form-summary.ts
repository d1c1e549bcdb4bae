/**
 * The coupon being made, in one or two sentences a seller can check at a glance ("Buyers get $5.00 off
 * orders of $30.00 or more…"). Words only: every rule and figure that matters is the API's (the preview).
 */
import { formatDateTime, formatMoney, fromLocalInput, parseIdList, parseInteger, parseMoney } from "./format.js";
import type { FormState } from "./form-model.js";
import type { ConsoleStrings } from "./strings.js";

export function summaryWords(s: FormState, t: ConsoleStrings, currency: string, prefix: string): string[] {
  const w = t.form.summary;
  const money = (text: string) => {
    const v = parseMoney(text, currency);
    return v === null || Number.isNaN(v) ? null : formatMoney(v, currency, "en");
  };
  const when = (text: string) => {
    const iso = fromLocalInput(text);
    return iso ? formatDateTime(iso) : "…";
  };
  const discount =
    s.discountKind === "fixed"
      ? money(s.amount) && t.amountOff(money(s.amount)!)
      : parseInteger(s.percent) && t.percentOff(parseInteger(s.percent)!, money(s.maxDiscount) ?? undefined);
  if (!discount) return [w.incomplete];
  const min = parseMoney(s.minSpend, currency);
  const scope = s.scope === "shop" ? w.everything : w.products(parseIdList(s.productIds).ids.length);
  const offer = w.offer(discount, scope, min && min > 0 ? money(s.minSpend) : null);
  const qty = parseInteger(s.quantity);
  const amount = qty && !Number.isNaN(qty) ? qty : null;
  if (s.type === "promo_code") {
    if (s.codeKind === "unique") return [w.unique(amount, prefix, offer), w.active(when(s.activeFrom), when(s.activeUntil))];
    const code = s.code.trim() ? prefix + s.code.trim().toUpperCase() : w.generated(prefix);
    return [w.promo(code, offer), w.active(when(s.activeFrom), when(s.activeUntil)), w.uses(amount, s.perCustomer === "1")];
  }
  const who = w.audience[s.type === "regular" || s.type === "follower" ? s.audience : s.type] ?? "";
  const days = parseInteger(s.validDays);
  const validity =
    s.validityKind === "fixed" && (s.type === "regular" || s.type === "chat")
      ? t.validBetween(when(s.validFrom), when(s.validUntil))
      : days && !Number.isNaN(days)
        ? t.validDays(days)
        : "";
  return [w.claimable(who, offer), w.claim(when(s.claimStarts), when(s.claimEnds), validity), w.claims(amount)];
}
