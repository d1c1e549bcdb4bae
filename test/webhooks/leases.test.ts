/**
 * The delivery lease (README "Webhooks"): a delivery taken by one process is not taken by another until its
 * lease runs out; a process whose lease ran out records nothing; one endpoint is served by one process at
 * a time (its events stay in order), other endpoints by others. Two apps on one database file act as two
 * processes, each with its own connection.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { leaseDueDeliveries, recordOutcomes } from "../../worker/store/webhook-leases.js";
import { expectStatus, makeTestApp, promoBody, type ShopKeys, type TestApp } from "../support/app.js";

let a: TestApp;
let b: TestApp;
let s: ShopKeys;
let ep1: string;
let ep2: string;

beforeAll(async () => {
  a = await makeTestApp({ file: true });
  b = await makeTestApp({ file: a.path });
  s = await a.shop();
  const mk = async (path: string) =>
    (
      await expectStatus(
        a.api(s.sk).v1["webhook-endpoints"].$post({ json: { url: `http://127.0.0.1:9${path}`, events: ["coupon.created"] } }),
        201,
      )
    ).webhook_endpoint.id;
  ep1 = await mk("/one");
  ep2 = await mk("/two");
  for (let i = 0; i < 3; i++) expect((await a.call("POST", "/v1/coupons", { key: s.sk, body: promoBody() })).status).toBe(201);
});

const state = async (ids: number[]) =>
  (
    await a.client.execute({
      sql: `SELECT seq, status, attempts, lease_owner FROM webhook_deliveries WHERE seq IN (${ids.map(() => "?").join(",")}) ORDER BY seq`,
      args: ids,
    })
  ).rows.map((r) => ({ status: r.status, attempts: Number(r.attempts), lease_owner: r.lease_owner }));

describe("delivery leases across two processes", () => {
  it("gives each delivery to one process; an endpoint in flight is left to its process", async () => {
    const now = Date.now();
    // Process A takes at most one per endpoint here, so both endpoints are in flight with A.
    const takenA = await leaseDueDeliveries(a.db, "lease_A", now, 60_000, 1, 100);
    expect(takenA.map((d) => d.endpoint_id).sort()).toEqual([ep1, ep2].sort());
    // B finds nothing: the rest of each endpoint waits for A (order per endpoint).
    expect(await leaseDueDeliveries(b.db, "lease_B", now, 60_000, 20, 100)).toEqual([]);
    // A finishes endpoint 1 only; B may now take endpoint 1's next ones, never endpoint 2's.
    await recordOutcomes(a.db, "lease_A", now, [{ delivery: takenA.find((d) => d.endpoint_id === ep1)!, kind: "succeeded", status: 200 }]);
    const takenB = await leaseDueDeliveries(b.db, "lease_B", now, 60_000, 20, 100);
    expect(takenB).toHaveLength(2);
    expect(takenB.every((d) => d.endpoint_id === ep1)).toBe(true);
    expect(takenB[0].seq).toBeLessThan(takenB[1].seq);
    await recordOutcomes(
      b.db,
      "lease_B",
      now,
      takenB.map((delivery) => ({ delivery, kind: "succeeded" as const, status: 204 })),
    );
    expect(await state(takenB.map((d) => d.seq))).toEqual([
      { status: "succeeded", attempts: 1, lease_owner: null },
      { status: "succeeded", attempts: 1, lease_owner: null },
    ]);
  });

  it("a lease that ran out is taken over, and the late process's answer is not recorded", async () => {
    const now = Date.now();
    const stuck = (await leaseDueDeliveries(b.db, "lease_C", now, 60_000, 20, 100)).length;
    expect(stuck).toBe(0); // endpoint 2's first delivery is still A's
    // A stalls past its lease: B takes endpoint 2's deliveries over.
    const later = now + 61_000;
    const takenB = await leaseDueDeliveries(b.db, "lease_D", later, 60_000, 20, 100);
    expect(takenB.map((d) => d.endpoint_id)).toEqual([ep2, ep2, ep2]);
    const first = takenB[0];
    // A wakes up and reports a failure for the delivery it had: nothing changes, B holds it.
    await recordOutcomes(a.db, "lease_A", later, [{ delivery: first, kind: "failed", status: 500, error: null, delayMs: 30_000 }]);
    expect(await state([first.seq])).toEqual([{ status: "pending", attempts: 0, lease_owner: "lease_D" }]);
    // B's answers count; a delivery given back ("returned") is free again and counts no attempt.
    await recordOutcomes(b.db, "lease_D", later, [
      { delivery: takenB[0], kind: "succeeded", status: 200 },
      { delivery: takenB[1], kind: "failed", status: 500, error: null, delayMs: 30_000 },
      { delivery: takenB[2], kind: "returned" },
    ]);
    expect(await state(takenB.map((d) => d.seq))).toEqual([
      { status: "succeeded", attempts: 1, lease_owner: null },
      { status: "pending", attempts: 1, lease_owner: null },
      { status: "pending", attempts: 0, lease_owner: null },
    ]);
  });
});
