/** What the edge tests share: a call's round trips, and another isolate's view of the database. */
import type { ClientResponse } from "hono/client";
import { calls } from "../support/api.js";
import { answer, type ShopKeys, type TestApp } from "../support/app.js";

/** The probes of the app `app()` answers (the suite's current one). */
export function probes(app: () => TestApp) {
  /** Another isolate's write (or a look at the database), behind this one's back: its caches hear nothing. */
  const elsewhere = (sql: string, args: (string | number | null)[]) => app().db.$client.execute({ sql, args });
  return {
    /** The answer of one typed call and the database round trips it made. */
    async counted<R extends ClientResponse<unknown, number, string>>(call: () => R | Promise<R>) {
      const before = app().trips();
      const res = await answer(call());
      return { ...res, trips: app().trips() - before };
    },
    elsewhere,
    /** A `SELECT count(*) AS n …` of the database as it is. */
    count: async (sql: string, args: (string | number)[]) => Number((await elsewhere(sql, args)).rows[0].n),
    /**
     * Makes the shop a second secret key (so its first may be revoked), then revokes the first behind the
     * isolate's back; answers the second.
     */
    async revokeFirstKeyElsewhere(s: ShopKeys): Promise<string> {
      const other = (await answer(calls(app(), s.sk).createKey({ kind: "secret" }))).body.secret!;
      await elsewhere("UPDATE api_keys SET revoked_at = ? WHERE shop_id = ? AND kind = 'secret' AND key_hint = ?", [
        Date.now(),
        s.id,
        `${s.sk.slice(0, 12)}…`,
      ]);
      return other;
    },
  };
}
