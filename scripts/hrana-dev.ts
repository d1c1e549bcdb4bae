/**
 * Serves a local libSQL file over Hrana/HTTP (the protocol Turso speaks), so `wrangler dev` can run the
 * Worker against a real local database with no network:
 *
 *   tsx scripts/hrana-dev.ts --db data/dev.db --port 8080 [--auth-token secret]
 *   # then give the Worker TURSO-style settings pointing at the printed URL, e.g. http://127.0.0.1:8080
 *
 * Prints the URL on stdout (one line) once it is listening; stops cleanly on Ctrl-C / SIGTERM.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startHranaServer } from "../test/support/hrana-server.js";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/dev.db" },
    port: { type: "string", default: "8080" },
    "auth-token": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log("Usage: tsx scripts/hrana-dev.ts [--db data/dev.db | --db :memory:] [--port 8080 | --port 0] [--auth-token TOKEN]");
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${JSON.stringify(values.port)}`);
  process.exit(2);
}

const dbPath = values.db === ":memory:" ? ":memory:" : resolve(values.db);
if (dbPath !== ":memory:") mkdirSync(dirname(dbPath), { recursive: true });

const server = await startHranaServer({ dbPath, port, authToken: values["auth-token"] });
console.log(server.url);
console.error(`hrana-dev: serving ${dbPath} at ${server.url}${values["auth-token"] ? " (bearer token required)" : ""}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.stop().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
