/**
 * What the read cache stands on: ReadCache serves an entry only at the database version it was read at
 * (worker/store/read-cache.ts), and the native client's data version moves with every write, ours or
 * another connection's (worker/adapters/node/native-client/data-version.ts). The cache on the request
 * path: read-cache.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createNativeClient } from "../../worker/adapters/node/native-client/index.js";
import { ReadCache } from "../../worker/store/read-cache.js";
import { makeTestApp } from "../support/app.js";

describe("ReadCache", () => {
  it("serves an entry while the version holds, and reads again once it moves", async () => {
    let version = "1:0";
    const cache = new ReadCache(() => version);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.snapshot().read("k", load)).toEqual({ n: 1 });
    expect(await cache.snapshot().read("k", load)).toEqual({ n: 1 });
    version = "1:1";
    expect(await cache.snapshot().read("k", load)).toEqual({ n: 2 });
    expect(cache.size).toBe(1); // the older version's entries are gone
  });

  it("keeps nothing read while the version moved (the value may be from either side of the change)", async () => {
    let version = "1:0";
    const cache = new ReadCache(() => version);
    const reads = cache.snapshot();
    await reads.read("k", async () => {
      version = "2:0";
      return "read during a change";
    });
    expect(cache.size).toBe(0);
    expect(await cache.snapshot().read("k", async () => "fresh")).toBe("fresh");
  });

  it("a snapshot is as of its first read: it never serves an entry stored at a later version", async () => {
    let version = "1:0";
    const cache = new ReadCache(() => version);
    const old = cache.snapshot();
    await old.read("other", async () => "read at 1:0");
    version = "1:1";
    await cache.snapshot().read("k", async () => "new");
    expect(await old.read("k", async () => "loaded for the old snapshot")).toBe("loaded for the old snapshot");
  });

  it("hands out frozen values, so one reader cannot change what the next one gets", async () => {
    const cache = new ReadCache(() => "1:0");
    const v = await cache.snapshot().read("k", async () => ({ list: [{ a: 1 }] }));
    expect(() => {
      (v.list[0] as { a: number }).a = 2;
    }).toThrow(TypeError);
    expect(() => (v.list as { a: number }[]).push({ a: 3 })).toThrow(TypeError);
  });

  it("readLatest answers the last value read however the version moved, and an absence is read again", async () => {
    let version = "1:0";
    const cache = new ReadCache(() => version);
    let loads = 0;
    await cache.snapshot().read("k", async () => `v${++loads}`);
    version = "2:0";
    expect(await cache.snapshot().readLatest("k", async () => `v${++loads}`)).toBe("v1");
    expect(await cache.snapshot().read("k", async () => `v${++loads}`)).toBe("v2"); // exact reads still load
    expect(await cache.snapshot().readLatest("k", async () => `v${++loads}`)).toBe("v2");
    await cache.snapshot().read("gone", async () => null);
    version = "3:0";
    expect(await cache.snapshot().readLatest("gone", async () => "found now")).toBe("found now");
  });

  it("holds at most maxEntries, dropping the oldest", async () => {
    const cache = new ReadCache(() => "1:0", 2);
    for (const k of ["a", "b", "c"]) await cache.snapshot().read(k, async () => k);
    expect(cache.size).toBe(2);
    expect(await cache.snapshot().read("a", async () => "reloaded")).toBe("reloaded");
  });
});

describe("NativeClient.dataVersion", () => {
  it("stays while only reads run, and moves with every write of ours, a failed one too", async () => {
    const t = await makeTestApp({ file: true });
    const v0 = t.client.dataVersion();
    await t.client.execute("SELECT count(*) FROM shops");
    expect(t.client.dataVersion()).toBe(v0);
    await t.client.execute({
      sql: "INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at) VALUES ('XX', 'V1', 'c', 's', 0)",
      args: [],
    });
    const v1 = t.client.dataVersion();
    expect(v1).not.toBe(v0);
    await t.client.batch(["UPDATE live_codes SET active_ends_at = 1 WHERE code = 'V1'"]);
    const v2 = t.client.dataVersion();
    expect(v2).not.toBe(v1);
    await expect(
      t.client.execute("INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at) VALUES ('XX', 'V1', 'c', 's', 0)"),
    ).rejects.toThrow();
    expect(t.client.dataVersion()).not.toBe(v2);
  });

  it("sees another connection's commits after it checkpoints and restarts the WAL", async () => {
    const t = await makeTestApp({ file: true });
    const other = createNativeClient(t.path);
    const insert = (code: string) =>
      other.execute({
        sql: "INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at) VALUES ('XX', ?, 'c', 's', 0)",
        args: [code],
      });
    try {
      const seen = new Set([t.client.dataVersion()]);
      await insert("W1");
      const afterFirst = t.client.dataVersion();
      expect(seen.has(afterFirst)).toBe(false);
      seen.add(afterFirst);
      // Everything copied back into the database and the WAL emptied: the next commit starts the WAL
      // over from its first frame, with new salts.
      await other.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      seen.add(t.client.dataVersion());
      await insert("W2");
      expect(seen.has(t.client.dataVersion())).toBe(false);
      await insert("W3");
      const v = t.client.dataVersion();
      expect(v).toBe(t.client.dataVersion()); // and it holds still while nothing happens
    } finally {
      other.close();
    }
  });

  it("moves when another connection commits to the same file", async () => {
    const t = await makeTestApp({ file: true });
    const other = createNativeClient(t.path);
    try {
      const v0 = t.client.dataVersion();
      await other.execute("SELECT 1");
      expect(t.client.dataVersion()).toBe(v0);
      await other.execute("INSERT INTO live_codes (region, code, coupon_id, shop_id, active_ends_at) VALUES ('XX', 'V2', 'c', 's', 0)");
      expect(t.client.dataVersion()).not.toBe(v0);
    } finally {
      other.close();
    }
  });
});
