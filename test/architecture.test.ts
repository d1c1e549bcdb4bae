/**
 * The layering of README "Architecture", read from the sources: services are plain functions (no Hono,
 * no route files), SQL lives in worker/store/ (and db/, and the Node adapter), routes reach the database
 * only through services, and no source file (worker, db, widget, console, test, bench, scripts) grows past
 * 350 lines. Each failure names the files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return []; // a folder not made yet (console/)
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(relative(root, path));
    return name.endsWith(".ts") ? [relative(root, path)] : [];
  });
}

const read = (file: string) => readFileSync(join(root, file), "utf8");

/** The module specifiers a file imports at run time (`import type` is erased and not counted). */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) if (!m[2]) out.push(m[3]);
  for (const m of text.matchAll(/^\s*import\s+"([^"]+)"/gm)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) out.push(m[1]);
  return out;
}

/** Every module specifier, type-only imports included. */
const allImports = (text: string) => [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);

/** The code without comments, so prose about SQL is not mistaken for SQL. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

/** A string or template literal that begins with an SQL statement. */
const SQL_TEXT = /["'`]\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA|BEGIN|COMMIT)\b/i;

const workerFiles = sources("worker");
const inside = (file: string, ...dirs: string[]) => dirs.some((d) => file.startsWith(d));

describe("architecture", () => {
  it("finds the sources it judges", () => {
    expect(workerFiles.length).toBeGreaterThan(50);
    expect(workerFiles).toContain("worker/services/quote.ts");
  });

  it("services import no Hono (they take Deps and plain values, never a Context) and no route file", () => {
    const offenders = workerFiles
      .filter((f) => inside(f, "worker/services/"))
      .flatMap((f) =>
        allImports(read(f))
          .filter((s) => s === "hono" || s.startsWith("hono/") || s.startsWith("@hono/") || s.includes("/routes/"))
          .map((s) => `${f} imports ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it("SQL and Drizzle appear only in worker/store/, db/ and worker/adapters/node/", () => {
    const offenders = workerFiles
      .filter((f) => !inside(f, "worker/store/", "worker/adapters/node/"))
      .flatMap((f) => {
        const text = read(f);
        const found: string[] = [];
        for (const s of allImports(text)) if (s === "drizzle-orm" || s.startsWith("drizzle-orm/")) found.push(`${f} imports ${s}`);
        for (const s of runtimeImports(text)) if (s.endsWith("/db/schema.js")) found.push(`${f} imports the tables (${s})`);
        if (SQL_TEXT.test(withoutComments(text))) found.push(`${f} holds SQL text`);
        if (/\.\$client\b/.test(withoutComments(text))) found.push(`${f} reaches the raw database client`);
        return found;
      });
    expect(offenders).toEqual([]);
  });

  it("routes reach the database only through services: no route file imports store/ or db/", () => {
    const offenders = workerFiles
      .filter((f) => inside(f, "worker/routes/"))
      .flatMap((f) =>
        allImports(read(f))
          .filter((s) => s.includes("/store/") || s.includes("/db/") || s.startsWith("drizzle-orm"))
          .map((s) => `${f} imports ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it("no source file is over 350 lines", () => {
    const long = ["worker", "db", "widget", "console", "test", "bench", "scripts"]
      .flatMap(sources)
      .map((f) => ({ f, lines: read(f).split("\n").length - (read(f).endsWith("\n") ? 1 : 0) }))
      .filter(({ lines }) => lines > 350)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it("the rules above would catch a breach (each pattern matches what it is meant to)", () => {
    expect(SQL_TEXT.test("const q = `SELECT 1`;")).toBe(true);
    expect(SQL_TEXT.test('run("UPDATE coupons SET x = 1")')).toBe(true);
    expect(SQL_TEXT.test(withoutComments("// an `INSERT INTO` in prose\nconst x = 1;"))).toBe(false);
    expect(runtimeImports('import type { Db } from "../../db/client.js";\nimport { sql } from "drizzle-orm";')).toEqual(["drizzle-orm"]);
    expect(allImports('import type { Context } from "hono";')).toEqual(["hono"]);
  });
});
