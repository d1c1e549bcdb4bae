/** What the edge tests share: a call's round trips, and another isolate's view of the database. */
import type { ClientResponse } from "hono/client";
import { answer, type TestApp } from "../support/app.js";

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
  };
}
