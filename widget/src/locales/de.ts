import { locales, type WidgetStrings } from "../strings.js";

/** A coupon's name in German quotes after a space, or nothing when the name is unknown. */
const q = (name: string) => (name ? ` „${name}“` : "");

/**
 * German. Importing this module registers it, so `locale="de"` (or the page's `lang="de"`) picks it;
 * the table is also exported to lay over with `strings`.
 */
export const de: WidgetStrings = {
  reasons: {
    code_not_found: "Diesen Code kennen wir nicht. Bitte prüfe die Schreibweise.",
    not_started: "Dieser Gutschein ist noch nicht aktiv.",
    expired: "Dieser Gutschein ist abgelaufen.",
    deactivated: "Dieser Gutschein ist nicht mehr verfügbar.",
    min_spend_not_met: "Dein Einkauf erreicht den Mindestbestellwert dieses Gutscheins noch nicht.",
    audience_mismatch: "Dieser Gutschein gilt für eine andere Kundengruppe.",
    not_a_follower: "Folge dem Shop, um diesen Gutschein zu nutzen.",
    no_items_in_scope: "Kein Artikel im Warenkorb ist für diesen Gutschein berechtigt.",
    quantity_exhausted: "Dieser Gutschein ist bereits vollständig eingelöst.",
    per_customer_limit_reached: "Du hast diesen Gutschein schon so oft wie erlaubt genutzt.",
    already_claimed: "Du hast diesen Gutschein bereits gesichert.",
    not_claimed: "Sichere dir diesen Gutschein, bevor du ihn nutzt.",
    claim_expired: "Dein gesicherter Gutschein ist abgelaufen.",
    not_sent_to_buyer: "Dieser Gutschein wurde nicht an dich gesendet.",
    currency_mismatch: "Dieser Gutschein gilt nicht für die Währung deines Warenkorbs.",
    buyer_required: "Melde dich an, um diesen Gutschein zu nutzen.",
    one_seller_coupon_per_order: "Pro Bestellung ist nur ein Shop-Gutschein möglich.",
    budget_exhausted: "Das Budget dieses Gutscheins ist aufgebraucht.",
  },
  unknownReason: "Dieser Code gilt nicht für diese Bestellung.",
  label: "Gutscheincode",
  placeholder: "Code eingeben",
  apply: "Einlösen",
  applying: "Wird geprüft…",
  remove: "Entfernen",
  removeLabel: (c) => `Code ${c} entfernen`,
  applied: (c, a) => `Code ${c} eingelöst: du sparst ${a}.`,
  removed: "Code entfernt.",
  checking: "Code wird geprüft…",
  loading: "Wird geladen…",
  networkError: "Der Gutscheindienst ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.",
  rateLimited: "Zu viele Versuche. Bitte warte eine Minute.",
  serviceError: "Beim Gutscheindienst ist ein Fehler aufgetreten. Bitte versuche es erneut.",
  unavailable: "Gutscheincodes sind gerade nicht verfügbar.",
  retry: "Erneut versuchen",
  emptyCart: "Dein Warenkorb ist leer. Lege etwas hinein, um einen Code zu nutzen.",
  minSpendMissing: (a) => `Noch ${a} mit berechtigten Artikeln, dann gilt dieser Code.`,
  betterCoupon: (n, s, c, cs) =>
    `Dein Gutschein${q(n)} spart ${s}, mehr als ${c} (${cs}), deshalb bleibt er angerechnet: pro Bestellung gilt nur ein Shop-Gutschein.`,
  useCode: (c) => `Stattdessen ${c} nutzen`,
  couponWouldSave: (n, s) => `Dein Gutschein${q(n)} würde ${s} sparen.`,
  useCoupon: "Lieber meinen Gutschein nutzen",
  codeLine: (c) => `Code ${c}`,
  couponLine: (n) => (n ? `Gutschein „${n}“` : "Dein Gutschein"),
  couponsLabel: "Shop-Gutscheine",
  noCoupons: "Zurzeit gibt es keine Gutscheine.",
  signInToClaim: "Melde dich an, um Gutscheine zu sichern.",
  claim: "Sichern",
  claiming: "Wird gesichert…",
  claimed: "Gesichert",
  claimedNotice: (n) => `Gutschein „${n}“ gesichert. Er wird an der Kasse angerechnet.`,
  amountOff: (a) => `${a} Rabatt`,
  percentOff: (p, cap) => `${p} % Rabatt${cap ? `, höchstens ${cap}` : ""}`,
  minSpend: (a) => `Mindestbestellwert ${a}`,
  noMinSpend: "Kein Mindestbestellwert",
  validDays: (d) => `Gültig ${d} ${d === 1 ? "Tag" : "Tage"} nach dem Sichern`,
  validBetween: (f, u) => `Gültig ${f} – ${u}`,
  claimBy: (d) => `Sichern bis ${d}`,
};

locales.de = de;
