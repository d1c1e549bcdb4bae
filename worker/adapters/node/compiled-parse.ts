/**
 * A request schema's success path, compiled from the zod schema itself: `compileParse(schema, unsure)`
 * gives a function that returns exactly what `schema.safeParse(input).data` would (same values, defaults,
 * trimmed strings, key order), or `unsure` the moment anything is not plainly valid. Only zod ever says
 * why an input is wrong: then the caller (lib/router.ts) runs zod's own parse, whose issues make the 422.
 * The app gets it as `AppConfig.compileParse` from `useNodeFastPaths` (host.ts).
 *
 * Why: zod runs every value through its generic machinery (a payload object per value, a loop over the
 * checks, issue bookkeeping, objects walked by key at run time); for the quote's 20-line cart that was
 * the largest share of the quote's CPU and what kept it under 0.40 of its floor (bench/notes.md,
 * "Validating the cart"). This writes one function per schema, as zod's own object JIT does, with each
 * field read and written by its literal name. Everything that decides validity stays zod's code: the leaf
 * types' own `_zod.parse` for anything but a plain string, number or boolean, and every check's own
 * `when` and `check` (lengths, formats, ranges, refinements), called in order on a value with no issues
 * yet, which is what zod's `runChecks` does on the success path. No rule is restated here.
 *
 * Invariant (test/validation/compiled-parse.test.ts holds it against zod on random and edge inputs): the
 * result is `unsure` or deep-equal, key order included, to zod's `data`. A part this file does not know
 * (unions, records, pipes, coercion, …) makes the whole schema `null`: zod parses it. Where code cannot
 * be generated (Workers forbid `new Function`; they do not load this file), every schema is `null`.
 * It reads zod's internals (`_zod.def`, `traits`, `optin`/`optout`) and calls its checks, never writes
 * them: zod is pinned to one version (package.json), and an upgrade's changes show in that test.
 */
import type { ZodType } from "zod";

type Parse = (input: unknown) => unknown;

/** zod's internals as far as they are read here (its `$ZodType._zod`). */
interface Internals {
  def: {
    type: string;
    coerce?: boolean;
    checks?: readonly { _zod: CheckInternals }[];
    shape?: Record<string, ZodType>;
    catchall?: ZodType;
    element?: ZodType;
    innerType?: ZodType;
    readonly defaultValue?: unknown;
  };
  traits: Set<string>;
  optin?: string;
  optout?: string;
  parse(payload: Payload, ctx: object): Payload | Promise<Payload>;
}
interface CheckInternals {
  def: { when?: (payload: Payload) => boolean };
  check(payload: Payload): unknown;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const internals = (schema: ZodType) => (schema as unknown as { _zod: Internals })._zod;

const canGenerate = (() => {
  try {
    return new Function("return true")() === true;
  } catch {
    return false; // Workers: code generation is disallowed
  }
})();

/** The compiled success path of `schema` (answering `unsure` when not sure), or null when a part of it is not compiled. */
export function compileParse(schema: ZodType, unsure: symbol): Parse | null {
  if (!canGenerate) return null;
  const unit = new Unit();
  const result = unit.node(schema, "input");
  if (result === null) return null;
  const body = `${unit.lines.join("\n")}\nreturn ${result};`;
  return new Function("refs", "UNSURE", "CTX", `return function compiledParse(input) {\n${body}\n}`)(unit.refs, unsure, { async: false });
}

/**
 * One schema's generated code: statements that either `return UNSURE` or leave the value in a fresh
 * variable, whose name `node` returns. zod's objects (checks, defaults, leaf types) are reached through
 * `refs[i]`, each from a call site of its own.
 */
class Unit {
  readonly lines: string[] = [];
  readonly refs: unknown[] = [];
  private names = 0;
  private depth = 0;

  private name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  private ref(value: unknown): string {
    this.refs.push(value);
    return `refs[${this.refs.length - 1}]`;
  }

  /** The value of `schema` for the input in `from`, then the schema's checks: as zod's `run`. */
  node(schema: ZodType, from: string): string | null {
    // A schema nested this deep is recursive (zod allows a shape to refer to itself): left to zod.
    if (++this.depth > 32) return null;
    const z = internals(schema);
    const value = this.type(z, from);
    this.depth--;
    if (value === null) return null;
    const checks = [...(z.traits.has("$ZodCheck") ? [z as unknown as CheckInternals] : []), ...(z.def.checks ?? []).map((c) => c._zod)];
    if (checks.length === 0) return value;
    const payload = this.name("p");
    this.lines.push(`const ${payload} = { value: ${value}, issues: [] };`);
    for (const check of checks) {
      const k = this.ref(check);
      const run = `if (${k}.check(${payload}) instanceof Promise || ${payload}.issues.length !== 0) return UNSURE;`;
      // a Promise is an async refinement: the synchronous parse cannot take it, so zod has to say so
      this.lines.push(check.def.when ? `if (${k}.def.when(${payload})) { ${run} }` : run);
    }
    return `${payload}.value`;
  }

  private type(z: Internals, from: string): string | null {
    const { def } = z;
    if (def.coerce) return null;
    switch (def.type) {
      case "string":
        this.lines.push(`if (typeof ${from} !== "string") return UNSURE;`);
        return from;
      case "number":
        this.lines.push(`if (typeof ${from} !== "number" || !Number.isFinite(${from})) return UNSURE;`);
        return from;
      case "boolean":
        this.lines.push(`if (typeof ${from} !== "boolean") return UNSURE;`);
        return from;
      case "enum":
      case "literal":
        return this.leaf(z, from);
      case "optional":
      case "nullable":
        return this.orEmpty(def.type === "optional" ? "undefined" : "null", def.innerType, from);
      case "default":
        return this.withDefault(z, from);
      case "array":
        return this.array(def.element, from);
      case "object":
        return this.object(def.shape, def.catchall, from);
      default:
        return null;
    }
  }

  /** A leaf type zod parses alone: its own `_zod.parse`. */
  private leaf(z: Internals, from: string): string {
    const out = this.name("r");
    this.lines.push(`const ${out} = ${this.ref(z)}.parse({ value: ${from}, issues: [] }, CTX);`);
    this.lines.push(`if (${out} instanceof Promise || ${out}.issues.length !== 0) return UNSURE;`);
    return `${out}.value`;
  }

  /** `.optional()` (empty: undefined) and `.nullable()` (empty: null): the empty value as is, else the inner type. */
  private orEmpty(empty: "undefined" | "null", inner: ZodType | undefined, from: string): string | null {
    // an optional around a default fills the default in even for `undefined`: left to zod
    if (!inner || (empty === "undefined" && internals(inner).optin === "defaulted")) return null;
    return this.branch(`${from} === ${empty}`, from, inner, from);
  }

  /**
   * zod's `.default()`: an absent value is the default (a fresh copy from zod's getter), not parsed.
   * (zod also defaults a present value its inner type parsed to `undefined`; no type compiled here does.)
   */
  private withDefault(z: Internals, from: string): string | null {
    if (!z.def.innerType) return null;
    return this.branch(`${from} === undefined`, `${this.ref(z.def)}.defaultValue`, z.def.innerType, from);
  }

  /** `out = when ? then : <inner parsed from from>`. */
  private branch(when: string, then: string, inner: ZodType, from: string): string | null {
    const out = this.name("v");
    this.lines.push(`let ${out};`, `if (${when}) ${out} = ${then};`, "else {");
    const value = this.node(inner, from);
    if (value === null) return null;
    this.lines.push(`${out} = ${value};`, "}");
    return out;
  }

  private array(element: ZodType | undefined, from: string): string | null {
    if (!element) return null;
    const [out, i, item] = [this.name("a"), this.name("i"), this.name("e")];
    this.lines.push(`if (!Array.isArray(${from})) return UNSURE;`, `const ${out} = new Array(${from}.length);`);
    this.lines.push(`for (let ${i} = 0; ${i} < ${from}.length; ${i}++) {`, `const ${item} = ${from}[${i}];`);
    const value = this.node(element, item);
    if (value === null) return null;
    this.lines.push(`${out}[${i}] = ${value};`, "}");
    return out;
  }

  /**
   * As zod's object: a present key's value parsed; an absent key fails a required field, is left out
   * of an optional one and gives a defaulted one its default; output keys in the shape's order. A strict
   * object refuses unknown keys, a plain one drops them; a catchall schema is left to zod.
   */
  private object(shape: Record<string, ZodType> | undefined, catchall: ZodType | undefined, from: string): string | null {
    if (!shape || Object.getOwnPropertySymbols(shape).length > 0) return null;
    const strict = catchall !== undefined && internals(catchall).def.type === "never";
    if (catchall !== undefined && !strict) return null;
    const keys = Object.keys(shape);
    if (keys.includes("__proto__")) return null;
    const out = this.name("o");
    this.lines.push(`if (typeof ${from} !== "object" || ${from} === null || Array.isArray(${from})) return UNSURE;`);
    this.lines.push(`const ${out} = {};`);
    for (const key of keys) {
      // zod parses every field from `input[key]`, then keeps the value by the key's presence and `optin`
      const absent = whenAbsent(internals(shape[key]));
      if (absent === null) return null;
      const name = JSON.stringify(key);
      const field = this.name("f");
      this.lines.push(`const ${field} = ${from}[${name}];`);
      const value = this.node(shape[key], field);
      if (value === null) return null;
      const keep = `${out}[${name}] = ${value};`;
      this.lines.push(absent === "keep" ? keep : `if (${name} in ${from}) ${keep}${absent && ` else ${absent}`}`);
    }
    if (strict) {
      const cases = keys.map((k) => `case ${JSON.stringify(k)}:`).join(" ");
      this.lines.push(`for (const key in ${from}) switch (key) { ${cases} break; default: return UNSURE; }`);
    }
    return out;
  }
}

/** What zod's object does with a field whose key is absent, by the field's `optin`/`optout`: null when not compiled. */
function whenAbsent({ optin, optout }: Internals): "return UNSURE;" | "" | "keep" | null {
  if (optin === undefined) return "return UNSURE;"; // required: zod reports the key missing
  if (optin === "optional" && optout === "optional") return ""; // left out of the output
  if (optin === "defaulted" && optout === undefined) return "keep"; // its default kept
  return null;
}
