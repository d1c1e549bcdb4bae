/**
 * Builds `/widget.js` (the two components widget/README.md promises, with Lit inside, one minified ES module) and the
 * modules served beside it: `<coupon-summary>` and the locales, which import Lit and the rest from it.
 * The Node server builds them on first request and serves the strings; run directly
 * (`tsx scripts/build-widget.ts`) it writes `dist/widget.js`, prints the sizes, and writes the
 * custom-elements manifest `widget/custom-elements.json`.
 */
import { build, type Plugin } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { WIDGET_MODULES } from "./widget-modules.js";

export { WIDGET_MODULES };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** CSS of a `css` template with the spaces nobody needs taken out (esbuild leaves template text alone). */
const minifyCss = (c: string) =>
  c
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{}:;,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();

/**
 * The whitespace of a component's `html` templates that renders nothing, as the sources are written (no
 * text on a line of its own; a line break in a template falls between blocks, flex or grid items, or
 * attributes): line breaks with their indentation between a tag or expression and the next, before a
 * tag's `>`, and between attributes (`name="…"`, `.prop=${…}`, `?bool=${…}`, `@event=${…}`), which keep
 * one space, as `/>` does (`${…}/>` would read the `/` as part of an unquoted value). Each pattern needs
 * a line break next to template syntax, so the TypeScript around the templates is untouched.
 */
const squeezeHtml = (src: string) =>
  src
    .replace(/html`\s+/g, "html`")
    .replace(/([>}])\s*\n\s*(?=<|\$\{)/g, "$1")
    .replace(/\n\s*(?=>)/g, "")
    .replace(/\n\s*(?=\/>)/g, " ")
    .replace(/\n\s+(?=[.?@]?[a-z][\w-]*=["$])/g, " ");

/**
 * Squeezes the whitespace of Lit templates in our own sources (`filter` picks the files; the console's
 * build passes its own): a `*.styles.ts` file holds `css` templates without expressions (the tag refuses
 * them); components go through `squeezeHtml`.
 */
export const squeezeTemplates = (filter: RegExp = /widget[\\/]src[\\/].*\.(styles|component)\.ts$/): Plugin => ({
  name: "squeeze-templates",
  setup(b) {
    b.onLoad({ filter }, async (args) => {
      const src = await readFile(args.path, "utf8");
      const contents = args.path.endsWith(".styles.ts")
        ? src.replace(/css`([^`]*)`/g, (_m, c: string) => `css\`${minifyCss(c)}\``)
        : squeezeHtml(src);
      return { contents, loader: "ts" };
    });
  },
});

/** How the widget and the modules beside it (and the seller console) are built: minified browser ES modules, in memory. */
export const moduleOptions = {
  absWorkingDir: root,
  tsconfig: join(root, "tsconfig.json"),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2021",
  platform: "browser",
  legalComments: "none",
  write: false,
  logLevel: "silent",
} as const;

export async function buildWidget(): Promise<{ js: string; gzipBytes: number }> {
  const result = await build({
    stdin: {
      // The two components widget/README.md promises and what goes with them, plus the Lit the modules served beside
      // the widget import from it (so a page that uses them loads Lit once).
      contents: [
        'export * from "./widget/src/core.ts";',
        'export { css } from "./widget/src/css.ts";',
        'export { html, nothing } from "lit";',
      ].join("\n"),
      resolveDir: root,
      sourcefile: "widget-entry.ts",
      loader: "ts",
    },
    ...moduleOptions,
    plugins: [squeezeTemplates()],
    // Private members (`_name`) get short names; Lit's own `_$…` internals are left alone.
    mangleProps: /^_[a-z]/,
  });
  const js = result.outputFiles[0].text;
  return { js, gzipBytes: gzipSync(js, { level: 9 }).length };
}

/**
 * A module beside the widget (`WIDGET_MODULES`) as served at `/widget/<name>.js`. It bundles only its
 * own files (the entry `<name>.ts` and its `<name>.*.ts` neighbours) and imports everything else (Lit's
 * `html`, the widget's `css`, `WidgetElement`, the `locales` table it registers a language in) from the
 * widget, relatively (`../widget.js`, `../../widget.js`), so it follows the widget's origin and a page
 * holds one Lit and one strings table (`test/widget/size.test.ts` checks that the widget exports each
 * name). Its private members keep their names: mangled apart from the widget, they could collide with
 * the short names Lit and the widget gave theirs. `undefined` for a name not in `WIDGET_MODULES`.
 */
export async function buildWidgetModule(name: string): Promise<string | undefined> {
  if (!WIDGET_MODULES.includes(name)) return undefined;
  const own = `./${name.split("/").pop()}.`;
  const widget = `${"../".repeat(name.split("/").length)}widget.js`;
  const result = await build({
    entryPoints: [join(root, "widget", "src", `${name}.ts`)],
    ...moduleOptions,
    plugins: [
      squeezeTemplates(),
      {
        name: "from-the-widget",
        setup: (b) =>
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind === "entry-point" || args.path.startsWith(own) ? undefined : { path: widget, external: true },
          ),
      },
    ],
  });
  return result.outputFiles[0].text;
}

const MODULES = {
  base: "widget/src/base.ts",
  components: [
    { tag: "promo-code-field", impl: "widget/src/promo-code-field.component.ts", define: "widget/src/promo-code-field.ts" },
    { tag: "coupon-list", impl: "widget/src/coupon-list.component.ts", define: "widget/src/coupon-list.ts" },
    { tag: "coupon-summary", impl: "widget/src/coupon-summary.component.ts", define: "widget/src/coupon-summary.ts" },
  ],
};

/**
 * The custom-elements manifest (schema 2.1.0) of the components, read from their sources with the
 * TypeScript parser: the fields named in `static properties` (but `state: true`) give attributes and
 * members, the class JSDoc gives `@event`, `@csspart` and `@cssproperty`, public methods and getters
 * with JSDoc give the rest. `test/widget/manifest.test.ts` checks that `widget/custom-elements.json`
 * equals this.
 */
export async function generateManifest(): Promise<Record<string, unknown>> {
  const ts = (await import("typescript")).default;
  type Entry = Record<string, unknown>;

  const docOf = (node: import("typescript").Node) => {
    const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const doc = docs[docs.length - 1];
    const text = (c: unknown) => (typeof c === "string" ? c : Array.isArray(c) ? c.map((x) => x.text).join("") : "");
    return {
      description: doc ? text(doc.comment).replace(/\s+/g, " ").trim() : "",
      tags: (doc?.tags ?? []).map((t) => {
        const m = /^(\S+)\s+-\s+([\s\S]*)$/.exec(text(t.comment).trim());
        return { tag: t.tagName.text, name: m?.[1] ?? "", description: (m?.[2] ?? "").replace(/\s+/g, " ").trim() };
      }),
    };
  };

  const readClass = async (path: string) => {
    const src = await readFile(join(root, path), "utf8");
    const sf = ts.createSourceFile(path, src, ts.ScriptTarget.ES2022, true);
    const cls = sf.statements.find(ts.isClassDeclaration)!;
    // Lit's `static properties = { name: { ...options } }`: which fields are reactive properties, and how.
    const declared = new Map<string, Record<string, string>>();
    for (const m of cls.members) {
      const init = ts.isPropertyDeclaration(m) && m.name.getText() === "properties" ? m.initializer : undefined;
      if (!init || !ts.isObjectLiteralExpression(init)) continue;
      for (const p of init.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
        const opts: Record<string, string> = {};
        for (const o of p.initializer.properties) if (ts.isPropertyAssignment(o)) opts[o.name.getText()] = o.initializer.getText();
        declared.set(p.name.getText(), opts);
      }
    }
    const attributes: Entry[] = [];
    const members: Entry[] = [];
    for (const m of cls.members) {
      const mods = (ts.canHaveModifiers(m) ? ts.getModifiers(m) : undefined) ?? [];
      const hidden =
        mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword) ||
        mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword || x.kind === ts.SyntaxKind.OverrideKeyword);
      const name = m.name && ts.isIdentifier(m.name) ? m.name.text : "";
      if (hidden || !name || name.startsWith("_")) continue;
      const { description } = docOf(m);
      if (ts.isPropertyDeclaration(m)) {
        const opts = declared.get(name);
        if (!opts || opts.state === "true") continue;
        const init = m.initializer;
        const type = m.type
          ? m.type.getText() + (m.questionToken ? " | undefined" : "")
          : init && ts.isStringLiteral(init)
            ? "string"
            : init && (init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword)
              ? "boolean"
              : "number";
        const field: Entry = { kind: "field", name, type: { text: type }, description };
        if (init) field.default = init.getText();
        if (opts.attribute !== "false") {
          const attr = opts.attribute ? JSON.parse(opts.attribute) : name.toLowerCase();
          field.attribute = attr;
          if (opts.reflect === "true") field.reflects = true;
          const a: Entry = { name: attr, type: { text: type }, description, fieldName: name };
          if (init) a.default = init.getText();
          attributes.push(a);
        }
        members.push(field);
      } else if (ts.isGetAccessorDeclaration(m) && description) {
        members.push({ kind: "field", name, type: { text: m.type?.getText() ?? "unknown" }, description, readonly: true });
      } else if (ts.isMethodDeclaration(m) && description) {
        members.push({ kind: "method", name, description, return: { type: { text: m.type?.getText() ?? "void" } } });
      }
    }
    return { cls, name: cls.name!.text, superName: cls.heritageClauses?.[0]?.types[0]?.expression.getText(), attributes, members };
  };

  const base = await readClass(MODULES.base);
  const inherited = { name: base.name, module: MODULES.base };
  const modules: Entry[] = [
    {
      kind: "javascript-module",
      path: MODULES.base,
      declarations: [
        {
          kind: "class",
          name: base.name,
          description: docOf(base.cls).description,
          superclass: { name: "LitElement", package: "lit" },
          attributes: base.attributes,
          members: base.members,
        },
      ],
      exports: [{ kind: "js", name: base.name, declaration: { name: base.name, module: MODULES.base } }],
    },
  ];
  for (const c of MODULES.components) {
    const k = await readClass(c.impl);
    const { description, tags } = docOf(k.cls);
    const pick = (tag: string) => tags.filter((t) => t.tag === tag).map(({ name, description }) => ({ name, description }));
    modules.push(
      {
        kind: "javascript-module",
        path: c.impl,
        declarations: [
          {
            kind: "class",
            name: k.name,
            tagName: c.tag,
            customElement: true,
            description,
            superclass: { name: k.superName, module: MODULES.base },
            attributes: [...k.attributes, ...base.attributes.map((a) => ({ ...a, inheritedFrom: inherited }))],
            members: [...k.members, ...base.members.map((m) => ({ ...m, inheritedFrom: inherited }))],
            events: pick("event"),
            cssParts: pick("csspart"),
            cssProperties: pick("cssproperty"),
          },
        ],
        exports: [{ kind: "js", name: k.name, declaration: { name: k.name, module: c.impl } }],
      },
      {
        kind: "javascript-module",
        path: c.define,
        declarations: [],
        exports: [{ kind: "custom-element-definition", name: c.tag, declaration: { name: k.name, module: c.impl } }],
      },
    );
  }
  return { schemaVersion: "2.1.0", readme: "", modules };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { js, gzipBytes } = await buildWidget();
  await mkdir(join(root, "dist"), { recursive: true });
  await writeFile(join(root, "dist", "widget.js"), js);
  console.log(`dist/widget.js: ${js.length} bytes, ${gzipBytes} bytes gzip`);
  for (const name of WIDGET_MODULES) {
    const module = (await buildWidgetModule(name))!;
    console.log(`/widget/${name}.js: ${module.length} bytes, ${gzipSync(module, { level: 9 }).length} bytes gzip`);
  }
  await writeFile(join(root, "widget", "custom-elements.json"), `${JSON.stringify(await generateManifest(), null, 2)}\n`);
  console.log("widget/custom-elements.json written");
}
