/** The console's routes, read from the page's hash: `#/coupons/<id>/data?from=…`. */
export type Route =
  | {
      view: "list" | "simulator" | "activity" | "redemptions" | "claims" | "reviews" | "webhooks" | "settings";
      query: Record<string, string>;
    }
  | { view: "form"; mode: "create" | "edit" | "duplicate"; id?: string; query: Record<string, string> }
  | { view: "data" | "history" | "send"; id: string; query: Record<string, string> };

const PAGES = new Set(["simulator", "activity", "redemptions", "claims", "reviews", "webhooks", "settings"]);

export function parseRoute(hash: string): Route {
  const [path, search = ""] = hash.replace(/^#/, "").split("?");
  const query = Object.fromEntries(new URLSearchParams(search));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "coupons" && parts[1] === "new") return { view: "form", mode: "create", query };
  if (parts[0] === "coupons" && parts[1] && parts[2]) {
    const id = parts[1];
    if (parts[2] === "edit" || parts[2] === "duplicate") return { view: "form", mode: parts[2], id, query };
    if (parts[2] === "data" || parts[2] === "history" || parts[2] === "send") return { view: parts[2], id, query };
  }
  if (PAGES.has(parts[0])) return { view: parts[0] as "simulator", query };
  return { view: "list", query };
}

/** The hash of a coupon's page, e.g. `#/coupons/cpn_1/data`. */
export const couponPath = (id: string, page: "edit" | "duplicate" | "data" | "history" | "send") =>
  `#/coupons/${encodeURIComponent(id)}/${page}`;

/** A sentence for the next view to announce (e.g. "“Summer” created." on the list after a create). */
let flash = "";
export const setFlash = (text: string): void => {
  flash = text;
};
export function takeFlash(): string {
  const text = flash;
  flash = "";
  return text;
}
