/**
 * `npm run openapi [-- <file>]`: writes the OpenAPI document (the app's routes, finished as
 * worker/lib/openapi-document.ts says; the placeholder server) to `<file>`, default `dist/openapi.json`.
 * The lint test, the client's types and the package are made from it. No database is opened: the
 * document is read from the route contracts alone.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { createApp } from "../worker/app.js";
import type { Db } from "../db/client.js";
import { buildDocument, type OpenApiDocument } from "../worker/lib/openapi-document.js";
import { configFromEnv } from "../worker/lib/env-config.js";

/** The document of the app as `createApp` builds it (no request is served, so no database is needed). */
export function currentDocument(): OpenApiDocument {
  return buildDocument(createApp({ db: null as unknown as Db, config: configFromEnv({}, "unused") }));
}

export async function writeDocument(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(currentDocument(), null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = resolve(process.argv[2] ?? "dist/openapi.json");
  await writeDocument(file);
  console.log(`OpenAPI document: ${file}`);
}
