/**
 * An operation's `operationId`, derived once from its method and path, so no route types it by hand and
 * a new route gets one too (a contract may still set its own `operationId`, which then wins):
 *
 * | shape | id |
 * | --- | --- |
 * | `GET /v1/coupons` (a plural last word) | `listCoupons` |
 * | `GET /v1/storefront/wallet`, `GET /v1/coupons/{id}/history` | `getStorefrontWallet`, `getCouponHistory` |
 * | `GET`, `PATCH`, `DELETE /v1/coupons/{id}` | `getCoupon`, `updateCoupon`, `deleteCoupon` |
 * | `POST /v1/coupons` (a plural last word) | `createCoupon`; under an item: `addCouponCodes` |
 * | `POST /v1/coupons/{id}/deactivate` (any other last word: an action) | `deactivateCoupon` |
 *
 * Words before the last are singular (`promo-codes/{code}` → `PromoCode`), the path's parameters and
 * the `v1` prefix are left out. The ids are camelCase and only change if the path does.
 */

const isParam = (segment: string) => segment.startsWith("{");
const isPlural = (word: string) => word.endsWith("s") && !word.endsWith("ss");
const singular = (word: string) => (word.endsWith("ies") ? `${word.slice(0, -3)}y` : isPlural(word) ? word.slice(0, -1) : word);
const pascal = (word: string) =>
  word
    .split(/[-_]/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join("");

export function operationIdFor(method: string, path: string): string {
  const segments = path.split("/").filter((s) => s && !/^v\d+$/.test(s));
  const last = segments.at(-1) ?? "root";
  const nouns = segments.filter((s) => !isParam(s));
  const singularNouns = (words: string[]) => words.map((w) => pascal(singular(w))).join("");
  const m = method.toLowerCase();
  if (isParam(last)) {
    const verb = { get: "get", patch: "update", put: "replace", delete: "delete" }[m] ?? m;
    return verb + singularNouns(nouns);
  }
  const head = singularNouns(nouns.slice(0, -1));
  const underItem = segments.length >= 2 && isParam(segments[segments.length - 2]);
  if (m === "get") return (isPlural(last) ? "list" : "get") + head + pascal(last);
  if (m === "delete") return `delete${head}${pascal(singular(last))}`;
  if (m === "post" && isPlural(last)) return underItem ? `add${head}${pascal(last)}` : `create${head}${pascal(singular(last))}`;
  if (m !== "post") return m + head + pascal(last);
  // An action: its first word is the verb, done to what comes before it (`coupons/{id}/deactivate`).
  const [verb, ...rest] = last.split("-");
  return verb + rest.map(pascal).join("") + head;
}
