/**
 * A value that differs whenever the database may have changed since it was last read; what the read
 * cache keys its entries by (worker/store/read-cache.ts). Two halves:
 * - other connections' commits: in WAL mode, the WAL-index header at the start of the `-shm` file, which
 *   every commit rewrites (its change counter, last frame and checksums; a WAL reset changes its salts).
 *   It is the very header SQLite's `PRAGMA data_version` compares, read with one pread instead of a
 *   statement (bench/notes.md). SQLite keeps two copies of it for readers that see a writer mid-update;
 *   when they differ, the answer is a value that matches nothing, so nothing is served or stored at it.
 *   Without a `-shm` file (`:memory:`, or a journal mode other than WAL) the pragma itself answers.
 * - our own commits, which neither sees from this connection: the caller counts every statement of its
 *   own that may write (before it runs, so one that fails still counts: a change is never missed).
 */
import { Buffer } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import type Database from "libsql";

type NativeDb = InstanceType<typeof Database>;

/** Bytes of one copy of SQLite's WAL-index header (https://www.sqlite.org/walformat.html, "WAL-index header"). */
const WAL_INDEX_HEADER = 48;

export class DataVersion {
  /** The WAL-index (`-shm`) file, opened read-only, when the database is in WAL mode. */
  #shm: { fd: number; buf: Buffer } | null = null;
  #pragma: ReturnType<NativeDb["prepare"]> | null = null;
  #unsettled = 0;
  /** The last header read and the version it gave: an unchanged header gives the same string, not a new one. */
  #last = { header: Buffer.alloc(WAL_INDEX_HEADER), ownWrites: -1, version: "" };

  /**
   * `db` is open on `path` and has read the database in WAL mode at least once, so the `-shm` file exists;
   * the connection stays open for the client's life, so SQLite keeps the file (and our descriptor on it).
   */
  constructor(
    private readonly db: NativeDb,
    path: string,
  ) {
    if (path === ":memory:") return;
    const mode = db.prepare("PRAGMA journal_mode").raw(true).get([]) as [string];
    db.prepare("SELECT count(*) FROM sqlite_master").raw(true).get([]);
    if (String(mode[0]).toLowerCase() !== "wal") return;
    try {
      this.#shm = { fd: openSync(`${path}-shm`, "r"), buf: Buffer.alloc(WAL_INDEX_HEADER * 2) };
    } catch {
      this.#shm = null; // no readable -shm: the pragma answers instead
    }
  }

  /** The version now, given how many statements of ours may have written so far. */
  read(ownWrites: number): string {
    if (this.#shm) {
      const h = this.#shm.buf;
      readSync(this.#shm.fd, h, 0, WAL_INDEX_HEADER * 2, 0);
      if (h.compare(h, 0, WAL_INDEX_HEADER, WAL_INDEX_HEADER, WAL_INDEX_HEADER * 2) !== 0) return `moving:${++this.#unsettled}`;
      const last = this.#last;
      if (last.ownWrites === ownWrites && h.compare(last.header, 0, WAL_INDEX_HEADER, 0, WAL_INDEX_HEADER) === 0) return last.version;
      h.copy(last.header, 0, 0, WAL_INDEX_HEADER);
      last.ownWrites = ownWrites;
      last.version = `${h.toString("base64", 0, WAL_INDEX_HEADER)}:${ownWrites}`;
      return last.version;
    }
    if (!this.#pragma) {
      this.#pragma = this.db.prepare("PRAGMA data_version");
      this.#pragma.raw(true);
    }
    const row = this.#pragma.get([]) as [number];
    return `${row[0]}:${ownWrites}`;
  }

  close(): void {
    this.#pragma = null;
    if (this.#shm) closeSync(this.#shm.fd);
    this.#shm = null;
  }
}
