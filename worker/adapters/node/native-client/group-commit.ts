/**
 * Group commit. Every write batch is its own transaction in meaning, but the write batches that arrive
 * within one turn of the event loop commit together: one BEGIN IMMEDIATE … COMMIT around all of them, each
 * inside its own SAVEPOINT. A COMMIT writes every page the transaction changed to the WAL, and concurrent
 * checkouts change the same pages (the coupon's counters, the right edge of each index), so one commit
 * for many batches writes far less than one per batch (bench/notes.md).
 *
 * What each batch keeps: it is all or nothing (a failed statement rolls back to its savepoint, and only
 * its promise rejects, with the error it would have had alone); batches run one after another in the
 * order they came, each seeing the ones before, as separate transactions would; and no promise resolves
 * before the COMMIT that makes its batch durable. A batch waits at most until the end of the current
 * event-loop turn (setImmediate) to run.
 */
import type Database from "libsql";
import { LibsqlError, type InArgs, type ResultSet } from "@libsql/client";
import { mapError } from "./errors.js";

type NativeDb = InstanceType<typeof Database>;

export type StatementList = { sql: string; args?: InArgs }[];

/** What the group commit needs of its client. */
export interface Transactions {
  readonly db: NativeDb;
  closed: boolean;
  /** The statements in one transaction of their own (BEGIN … COMMIT, ROLLBACK on failure). */
  inTransaction(begin: string, list: StatementList): ResultSet[];
  /** The statements in order inside an open transaction; a failure names its statement's index. */
  runStatements(list: StatementList): ResultSet[];
}

/** Write batches committed in one transaction at most (a bound on how long one turn of the loop holds the lock). */
const MAX_GROUP = 64;

interface PendingBatch {
  list: StatementList;
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

function settle(b: PendingBatch, run: () => ResultSet[]): void {
  try {
    b.resolve(run());
  } catch (e) {
    b.reject(e);
  }
}

export class GroupCommit {
  #pending: PendingBatch[] = [];

  constructor(private readonly tx: Transactions) {}

  /** The batch's results once the COMMIT that holds it has returned. */
  submit(list: StatementList): Promise<ResultSet[]> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ list, resolve, reject });
      if (this.#pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits every batch handed over so far (the next turn of the loop does it; `close` does it at once). */
  flush(): void {
    while (this.#pending.length > 0) {
      const group = this.#pending.splice(0, MAX_GROUP);
      if (this.tx.closed) {
        for (const b of group) b.reject(new LibsqlError("The client is closed", "CLIENT_CLOSED"));
        continue;
      }
      if (group.length === 1) {
        settle(group[0], () => this.tx.inTransaction("BEGIN IMMEDIATE", group[0].list));
        continue;
      }
      this.#commitGroup(group);
    }
  }

  #commitGroup(group: PendingBatch[]): void {
    const { db } = this.tx;
    try {
      db.exec("BEGIN IMMEDIATE");
    } catch (e) {
      const err = mapError(e);
      for (const b of group) b.reject(err);
      return;
    }
    const outcomes: ({ ok: true; results: ResultSet[] } | { ok: false; error: unknown })[] = [];
    for (const b of group) {
      db.exec("SAVEPOINT batch_item");
      try {
        outcomes.push({ ok: true, results: this.tx.runStatements(b.list) });
        db.exec("RELEASE batch_item");
      } catch (e) {
        if (!db.inTransaction) {
          // A statement ended the whole transaction (ON CONFLICT ROLLBACK, RAISE(ROLLBACK)): everything of
          // this group is undone, so every batch runs again on its own, as it would have without grouping.
          for (const each of group) settle(each, () => this.tx.inTransaction("BEGIN IMMEDIATE", each.list));
          return;
        }
        db.exec("ROLLBACK TO batch_item");
        db.exec("RELEASE batch_item");
        outcomes.push({ ok: false, error: e instanceof LibsqlError ? e : mapError(e) });
      }
    }
    try {
      db.exec("COMMIT");
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      const err = mapError(e);
      for (const b of group) b.reject(err);
      return;
    }
    group.forEach((b, i) => {
      const o = outcomes[i];
      if (o.ok) b.resolve(o.results);
      else b.reject(o.error);
    });
  }
}
