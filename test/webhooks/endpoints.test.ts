/**
 * README "Webhooks", the seller's routes: endpoints are created with their secret shown once,
 * listed without it, deleted; another shop's endpoints and deliveries are 404; publishable keys are 403.
 * Which URLs a shop may name (server-side request forgery): live shops only `https` to public addresses,
 * in every spelling of an address, and names are judged by what they resolve to; test shops may also use
 * `http` and loopback.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer, expectStatus, makeTestApp, type ShopKeys, type TestApp } from "../support/app.js";
import { calls } from "../support/api.js";

let t: TestApp;
let testShop: ShopKeys;
let liveShop: ShopKeys;
let other: ShopKeys;

beforeAll(async () => {
  t = await makeTestApp();
  [testShop, liveShop, other] = await Promise.all([
    t.shop({ name: "Hooks Test" }),
    t.shop({ name: "Hooks Live", mode: "live" }),
    t.shop({ name: "Other Shop" }),
  ]);
  // Names resolve through the host's resolver (Node's DNS in production): this machine has no internet, so
  // the names these tests use resolve here, the way a DNS server would answer them.
  const dns: Record<string, string[]> = {
    "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    "rebind.example.com": ["93.184.216.34", "10.0.0.7"],
    "metadata.example.com": ["169.254.169.254"],
    "v6local.example.com": ["fd00::1"],
    "loop.example.com": ["127.0.0.1"],
  };
  t.config.resolveHost = async (host) => {
    const found = dns[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found;
  };
});

describe("webhook endpoints", () => {
  it("creates an endpoint and shows its secret once; the list never shows it", async () => {
    const made = await expectStatus(
      calls(t, testShop.sk).createEndpoint({ url: "http://127.0.0.1:9/hooks", events: ["redemption.committed", "coupon.created"] }),
      201,
    );
    const e = made.webhook_endpoint;
    expect(e.id).toMatch(/^whe_/);
    expect(e.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(e.events).toEqual(["redemption.committed", "coupon.created"]);
    expect(e.url).toBe("http://127.0.0.1:9/hooks");
    const listed = await expectStatus(calls(t, testShop.sk).listEndpoints({}), 200);
    const found = listed.data.find((x) => x.id === e.id)!;
    expect(found).toEqual({ id: e.id, url: e.url, events: e.events, created_at: e.created_at });
    expect(JSON.stringify(listed)).not.toContain(e.secret);
  });

  it("lists newest first in pages", async () => {
    const s = await t.shop({ name: "Pages" });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const made = await expectStatus(calls(t, s.sk).createEndpoint({ url: `http://127.0.0.1:9/h${i}`, events: ["claim.created"] }), 201);
      ids.push(made.webhook_endpoint.id);
    }
    const first = await expectStatus(calls(t, s.sk).listEndpoints({ limit: "2" }), 200);
    expect(first.data.map((x) => x.id)).toEqual([ids[2], ids[1]]);
    const second = await expectStatus(calls(t, s.sk).listEndpoints({ limit: "2", cursor: first.next_cursor! }), 200);
    expect(second.data.map((x) => x.id)).toEqual([ids[0]]);
    expect(second.next_cursor).toBeNull();
  });

  it("deletes an endpoint (then 404); another shop's endpoint and deliveries are 404", async () => {
    const made = await expectStatus(
      calls(t, testShop.sk).createEndpoint({ url: "http://127.0.0.1:9/del", events: ["claim.created"] }),
      201,
    );
    const id = made.webhook_endpoint.id;
    const theirs = calls(t, other.sk);
    expect((await expectStatus(theirs.deleteEndpoint(id), 404)).code).toBe("not_found");
    expect((await expectStatus(theirs.deliveries(id), 404)).code).toBe("not_found");
    const mine = calls(t, testShop.sk);
    const deleted = await expectStatus(mine.deleteEndpoint(id), 200);
    expect(deleted).toMatchObject({ deleted: true, webhook_endpoint: { id } });
    await expectStatus(mine.deleteEndpoint(id), 404);
    await expectStatus(mine.deliveries(id), 404);
    const retry = await expectStatus(mine.retryDelivery("whd_nope"), 404);
    expect(retry.code).toBe("not_found");
  });

  it("is for secret keys only: a publishable key is 403", async () => {
    await expectStatus(calls(t, testShop.pk).listEndpoints(), 403);
    await expectStatus(calls(t, testShop.pk).createEndpoint({ url: "http://127.0.0.1:9/x", events: ["claim.created"] }), 403);
  });

  it("refuses unknown, repeated or no event types, and unknown fields (422)", async () => {
    for (const events of [["coupon.eaten"], ["claim.created", "claim.created"], []]) {
      const res = await t.call("POST", "/v1/webhook-endpoints", { key: testShop.sk, body: { url: "http://127.0.0.1:9/x", events } });
      expect(res.status, JSON.stringify(events)).toBe(422);
    }
    const extra = await t.call("POST", "/v1/webhook-endpoints", {
      key: testShop.sk,
      body: { url: "http://127.0.0.1:9/x", events: ["claim.created"], secret: "mine" },
    });
    expect(extra.status).toBe(422);
  });

  it("keeps at most 16 endpoints per shop (409 too_many_endpoints), even when creations race", async () => {
    const s = await t.shop({ name: "Many" });
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        answer(calls(t, s.sk).createEndpoint({ url: `http://127.0.0.1:9/m${i}`, events: ["claim.created"] })),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(16);
    expect(all.filter((r) => r.status === 409).every((r) => r.body.code === "too_many_endpoints")).toBe(true);
    expect(all.filter((r) => r.status === 409)).toHaveLength(4);
  });

  it("leaves an audit entry for each creation and deletion", async () => {
    const s = await t.shop({ name: "Audited" });
    const made = await expectStatus(calls(t, s.sk).createEndpoint({ url: "http://127.0.0.1:9/a", events: ["claim.created"] }), 201);
    await expectStatus(calls(t, s.sk).deleteEndpoint(made.webhook_endpoint.id), 200);
    const rows = await t.client.execute({ sql: "SELECT action, changes FROM audit_entries WHERE shop_id = ? ORDER BY seq", args: [s.id] });
    const actions = rows.rows.map((r) => r.action);
    expect(actions).toEqual(["webhook_endpoint_created", "webhook_endpoint_deleted"]);
    expect(String(rows.rows[0].changes)).not.toContain("whsec_");
  });
});

describe("which URLs a shop may name", () => {
  const create = (s: ShopKeys, url: string) => answer(calls(t, s.sk).createEndpoint({ url, events: ["coupon.created"] }));

  it("a live shop may not name loopback, private, link-local, CGNAT or reserved addresses, in any spelling", async () => {
    const refused = [
      "https://127.0.0.1/hook",
      "https://127.1/hook", // short form
      "https://2130706433/hook", // one decimal number
      "https://0x7f000001/hook", // hex
      "https://0x7f.0.0.1/hook",
      "https://0177.0.0.1/hook", // octal
      "https://localhost/hook",
      "https://api.localhost/hook",
      "https://[::1]/hook",
      "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped
      "https://[::ffff:7f00:1]/hook",
      "https://[0:0:0:0:0:ffff:a9fe:a9fe]/hook", // mapped link-local (cloud metadata)
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/hook",
      "https://172.16.5.4/hook",
      "https://192.168.1.1/hook",
      "https://100.64.0.1/hook", // CGNAT
      "https://0.0.0.0/hook",
      "https://0/hook",
      "https://[fd00::1]/hook", // IPv6 unique local
      "https://[fe80::1]/hook", // IPv6 link-local
      "https://[64:ff9b::a00:1]/hook", // NAT64 of 10.0.0.1
      "https://[2002:7f00:1::]/hook", // 6to4 of 127.0.0.1
      "https://intranet/hook", // no domain
      "https://metadata.example.com/hook", // resolves to 169.254.169.254
      "https://v6local.example.com/hook", // resolves to fd00::1
      "https://loop.example.com/hook", // resolves to 127.0.0.1
      "https://rebind.example.com/hook", // one public and one private address: refused
      "https://nowhere.example.com/hook", // does not resolve
      "http://hooks.example.com/hook", // not https
      "https://user:pw@hooks.example.com/hook",
      "hooks.example.com/hook",
    ];
    for (const url of refused) {
      const res = await create(liveShop, url);
      expect(res.status, url).toBe(422);
      expect(res.body.code, url).toBe("url_not_allowed");
      expect(res.body.errors?.[0].path).toBe("url");
    }
  });

  it("a live shop may name an https URL whose name resolves to public addresses only", async () => {
    const res = await create(liveShop, "https://hooks.example.com/coupons");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const ip = await create(liveShop, "https://93.184.216.34:8443/coupons");
    expect(ip.status, JSON.stringify(ip.body)).toBe(201);
  });

  it("a test shop may also name http and loopback URLs, but not private networks", async () => {
    for (const url of [
      "http://127.0.0.1:8080/h",
      "http://localhost:3000/h",
      "http://[::1]:8080/h",
      "http://loop.example.com/h",
      "https://hooks.example.com/h",
    ]) {
      const res = await create(testShop, url);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    for (const url of ["http://10.0.0.1/h", "http://169.254.169.254/h", "http://metadata.example.com/h", "ftp://127.0.0.1/h"]) {
      const res = await create(testShop, url);
      expect(res.status, url).toBe(422);
    }
  });
});
