/**
 * docs/rules.md stays true as code moves: every rule R1–R32 has exactly one row, every file a row names
 * exists, every function it names is still declared in that file, and every test title it quotes is still in
 * that test file and names the rule. And the sources point only to documents inside the repo: comments name
 * README sections that exist, docs/, the OpenAPI document or a rule number, never a document kept elsewhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (file: string) => readFileSync(join(root, file), "utf8");

interface Reference {
  file: string;
  names: string[];
  titles: string[];
}

interface Row {
  rule: number;
  summary: string;
  decidedBy: Reference[];
  checkedBy: Reference[];
}

/** A cell: `path` then the `names` declared in it and the "test titles" in it, repeated per file. */
function parseCell(cell: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of cell.matchAll(/`([^`]+)`|"([^"]+)"/g)) {
    const [, code, title] = m;
    if (code !== undefined && /^[\w./-]+\.ts$/.test(code) && code.includes("/")) refs.push({ file: code, names: [], titles: [] });
    else if (refs.length === 0) throw new Error(`"${code ?? title}" comes before any file in: ${cell}`);
    else if (code !== undefined) refs[refs.length - 1].names.push(code);
    else refs[refs.length - 1].titles.push(title);
  }
  return refs;
}

function parseRules(markdown: string): Row[] {
  return markdown
    .split("\n")
    .filter((line) => /^\|\s*R\d+\s*\|/.test(line))
    .map((line) => {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim());
      if (cells.length !== 4) throw new Error(`a row has ${cells.length} cells, not 4: ${line}`);
      return { rule: Number(cells[0].slice(1)), summary: cells[1], decidedBy: parseCell(cells[2]), checkedBy: parseCell(cells[3]) };
    });
}

/** Whether `name` is declared (function, const, class, type, interface, enum) in the source text. */
const declares = (text: string, name: string) =>
  new RegExp(`(function\\*?|const|let|class|type|interface|enum)\\s+${name.replace(/\$/g, "\\$")}\\b`).test(text);

const rows = parseRules(read("docs/rules.md"));

describe("docs/rules.md, the rules index", () => {
  it("lists R1 to R32, each exactly once, each with a statement, a deciding file and a test", () => {
    expect(rows.map((r) => r.rule)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r.summary.length, `R${r.rule}`).toBeGreaterThan(20);
      expect(r.decidedBy.length, `R${r.rule} decided by`).toBeGreaterThan(0);
      expect(r.checkedBy.length, `R${r.rule} checked by`).toBeGreaterThan(0);
    }
  });

  it("names deciding files that exist and still declare the functions named", () => {
    const missing: string[] = [];
    for (const r of rows)
      for (const ref of r.decidedBy) {
        if (!/^(worker|db)\//.test(ref.file) || !existsSync(join(root, ref.file))) {
          missing.push(`R${r.rule}: ${ref.file} does not exist`);
          continue;
        }
        if (ref.names.length === 0) missing.push(`R${r.rule}: ${ref.file} names no function`);
        const text = read(ref.file);
        for (const name of ref.names) if (!declares(text, name)) missing.push(`R${r.rule}: ${name} is not declared in ${ref.file}`);
      }
    expect(missing).toEqual([]);
  });

  it("quotes test titles that are still in their test files and name the rule", () => {
    const missing: string[] = [];
    for (const r of rows)
      for (const ref of r.checkedBy) {
        if (!/^test\/.*\.test\.ts$/.test(ref.file) || !existsSync(join(root, ref.file))) {
          missing.push(`R${r.rule}: ${ref.file} is not a test file`);
          continue;
        }
        if (ref.titles.length === 0) missing.push(`R${r.rule}: ${ref.file} quotes no test`);
        const text = read(ref.file);
        for (const title of ref.titles) {
          if (!text.includes(title)) missing.push(`R${r.rule}: "${title}" is not in ${ref.file}`);
          if (!new RegExp(`\\bR${r.rule}\\b`).test(title)) missing.push(`R${r.rule}: "${title}" does not name R${r.rule}`);
        }
      }
    expect(missing).toEqual([]);
  });

  it("would catch a stale row (the parser reads what the checks rely on)", () => {
    const [row] = parseRules('| R7 | x | `worker/a.ts` `f`, `g`; `db/b.ts` `t` | `test/x.test.ts` "R7: one", "R7: two" |');
    expect(row.rule).toBe(7);
    expect(row.decidedBy).toEqual([
      { file: "worker/a.ts", names: ["f", "g"], titles: [] },
      { file: "db/b.ts", names: ["t"], titles: [] },
    ]);
    expect(row.checkedBy).toEqual([{ file: "test/x.test.ts", names: [], titles: ["R7: one", "R7: two"] }]);
    expect(declares("export async function evaluateQuote(", "evaluateQuote")).toBe(true);
    expect(declares("const x = evaluateQuoteLater();", "evaluateQuote")).toBe(false);
  });
});

function sources(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return []; // a folder not made yet
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(relative(root, path));
    return /\.(ts|js|md|html)$/.test(name) ? [relative(root, path)] : [];
  });
}

/** Documents kept outside this repository, as a comment might name them (built from pieces, so a grep finds none here). */
const OUTSIDE_DOCUMENTS = ["API", "RULES", "DESIGN", "STYLE"].map((name) => `\\b${name}\\.md\\b`);
const OUTSIDE_FOLDERS = [
  ["\\.\\.", "shared/"],
  ["/work", "shared/"],
  ["seed", "seller-coupons"],
].map((parts) => parts.join("/"));
const OUTSIDE = new RegExp([...OUTSIDE_DOCUMENTS, ...OUTSIDE_FOLDERS].join("|"));

/** README "Section": a heading of README.md that starts with it, or a bold paragraph lead `**Section.**`. */
function readmeHas(section: string, readme: string): boolean {
  const headings = readme
    .split("\n")
    .filter((l) => /^#{1,4} /.test(l))
    .map((l) => l.replace(/^#+ /, ""));
  return headings.some((h) => h.startsWith(section)) || readme.includes(`**${section}.**`);
}

describe("the sources refer only to documents inside the repo", () => {
  const self = relative(root, fileURLToPath(import.meta.url));
  const files = ["worker", "db", "widget", "console", "test", "bench", "scripts", "docs"]
    .flatMap(sources)
    .concat(["README.md"])
    .filter((f) => f !== self);

  it("finds the sources it judges", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files).toContain("worker/engine/quote.ts");
  });

  it("no file names a document kept outside the repo", () => {
    const offenders = files.flatMap((f) =>
      read(f)
        .split("\n")
        .flatMap((line, i) => (OUTSIDE.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('every README "Section" a source names is a section of README.md', () => {
    const readme = read("README.md");
    const dangling = files.flatMap((f) =>
      [...read(f).matchAll(/\bREADME "([^"\n]+)"/g)].filter((m) => !readmeHas(m[1], readme)).map((m) => `${f}: README "${m[1]}"`),
    );
    expect(dangling).toEqual([]);
  });

  it("the patterns would catch a breach", () => {
    const outside = (name: string) => `${name}.md`; // spelled so that a grep for the names finds no file here
    expect(OUTSIDE.test(`// see ${outside("API")}`)).toBe(true);
    expect(OUTSIDE.test(` * as ${outside("RULES")} says`)).toBe(true);
    expect(OUTSIDE.test(`(${["..", "shared"].join("/")}/${outside("DESIGN")})`)).toBe(true);
    expect(OUTSIDE.test("// see docs/rules.md and README")).toBe(false);
    expect(readmeHas("Webhooks", "# x\n## Webhooks\n")).toBe(true);
    expect(readmeHas("Testing", "# x\n## Webhooks\n")).toBe(false);
  });
});
