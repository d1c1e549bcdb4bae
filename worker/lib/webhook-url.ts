/**
 * Which webhook URLs a shop may name, and which addresses a delivery may connect to (server-side request
 * forgery). Pure: no DNS here; the host resolves names (Node: `adapters/node/webhook-post.ts`, which
 * checks every address a name resolves to, at creation and again when it connects).
 *
 * Live shops: `https` only, to public addresses. Test shops: `http` too, and loopback (local receivers).
 * IP literals are judged in every spelling: the WHATWG URL parser already turns `2130706433`, `0x7f.1`
 * and `0177.0.0.1` into `127.0.0.1`, and IPv6 is parsed here, IPv4-mapped and -embedded forms included.
 */

export type ShopMode = "test" | "live";
export type AddressClass = "public" | "loopback" | "private";

export type UrlVerdict = { ok: true; url: URL; host: string; ip: boolean } | { ok: false; reason: string };

/** IPv4 ranges that are not on the public internet (RFC 6890 and friends), as [first octets, prefix]. */
const V4_NOT_PUBLIC: [number, number, number][] = [
  [0x00000000, 8, 0], // "this network"
  [0x0a000000, 8, 0], // private
  [0x64400000, 10, 0], // CGNAT shared space
  [0xa9fe0000, 16, 0], // link-local (cloud metadata lives here)
  [0xac100000, 12, 0], // private
  [0xc0000000, 24, 0], // IETF protocol assignments
  [0xc0000200, 24, 0], // TEST-NET-1
  [0xc0586300, 24, 0], // 6to4 relay anycast
  [0xc0a80000, 16, 0], // private
  [0xc6120000, 15, 0], // benchmarking
  [0xc6336400, 24, 0], // TEST-NET-2
  [0xcb007100, 24, 0], // TEST-NET-3
  [0xe0000000, 4, 0], // multicast
  [0xf0000000, 4, 0], // reserved, broadcast
];

export function parseIpv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function classifyV4(a: number): AddressClass {
  if (a >>> 24 === 127) return "loopback";
  for (const [base, prefix] of V4_NOT_PUBLIC) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if ((a & mask) >>> 0 === base) return "private";
  }
  return "public";
}

/** Eight 16-bit groups, or null; accepts `::` and a trailing dotted IPv4 (`::ffff:1.2.3.4`). */
export function parseIpv6(input: string): number[] | null {
  let s = input.toLowerCase();
  if (s.includes("%")) return null; // zone ids name an interface: never a public address
  const lastColon = s.lastIndexOf(":");
  if (lastColon < 0) return null;
  let tail: number[] = [];
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    const a = parseIpv4(last);
    if (a === null) return null;
    tail = [a >>> 16, a & 0xffff];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith("::")) s = s.slice(0, -1);
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16)), ...tail];
}

function classifyV6(g: number[]): AddressClass {
  const v4At = (i: number) => ((g[i] << 16) | g[i + 1]) >>> 0;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g[7] === 1) return "loopback"; // ::1
  if (zeroUpTo(8)) return "private"; // ::
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyV4(v4At(6)); // ::ffff:a.b.c.d (mapped)
  if (zeroUpTo(6)) return classifyV4(v4At(6)); // ::a.b.c.d (compatible, deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4At(6)); // NAT64
  if (g[0] === 0x2002) return classifyV4(v4At(1)); // 6to4 carries an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0) return "private"; // Teredo: tunnels to an address we cannot judge
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "private"; // documentation
  if ((g[0] & 0xe000) !== 0x2000) return "private"; // outside 2000::/3 (ULA fc00::/7, link-local, multicast, …)
  return "public";
}

/** The class of an IP address in text (IPv4 dotted or IPv6, brackets allowed); null if it is not one. */
export function classifyAddress(address: string): AddressClass | null {
  const a = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const v4 = parseIpv4(a);
  if (v4 !== null) return classifyV4(v4);
  const v6 = a.includes(":") ? parseIpv6(a) : null;
  return v6 ? classifyV6(v6) : null;
}

/** May a delivery of a shop in this mode connect to this resolved address? */
export function addressAllowed(address: string, mode: ShopMode): boolean {
  const c = classifyAddress(address);
  return c === "public" || (c === "loopback" && mode === "test");
}

const LOOPBACK_NAMES = /^(localhost|.+\.localhost)\.?$/;

/** Judges a URL as written; a name that resolves is judged again, address by address, by the host. */
export function checkWebhookUrl(raw: string, mode: ShopMode): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "is not an absolute URL" };
  }
  if (url.protocol !== "https:" && !(mode === "test" && url.protocol === "http:"))
    return { ok: false, reason: mode === "live" ? "must use https (live shops)" : "must use http or https" };
  if (url.username || url.password) return { ok: false, reason: "may not carry a user name or password" };
  const host = url.hostname;
  const literal = classifyAddress(host);
  if (literal !== null) {
    if (!addressAllowed(host, mode))
      return { ok: false, reason: `names a ${literal} address${mode === "live" ? " (live shops need a public one)" : ""}` };
    return { ok: true, url, host, ip: true };
  }
  if (host.startsWith("[")) return { ok: false, reason: "names an IPv6 address that cannot be read" };
  if (LOOPBACK_NAMES.test(host)) {
    if (mode === "live") return { ok: false, reason: "names a loopback host (live shops need a public one)" };
    return { ok: true, url, host, ip: false };
  }
  // A single label (`intranet`, `metadata`) names something on a local network, never a public host.
  if (mode === "live" && !host.replace(/\.$/, "").includes(".")) return { ok: false, reason: "names a host without a domain" };
  return { ok: true, url, host, ip: false };
}
