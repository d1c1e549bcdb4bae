/**
 * What the console's browser suite shares: the real Node server (`npm start`'s code, a temp database,
 * its demo shop), one Debian Chromium, one signed-in page per viewport, the API as the shop's own server
 * sees it (secret key), and the checks every view gets (screenshot, no horizontal scroll, axe-core).
 */
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { serverCalls } from "../support/api.js";
import { expectStatus } from "../support/app.js";
import { startServer, type StartedServer } from "../support/server.js";
export { expectStatus };
const root = join(import.meta.dirname, "../..");
export const shots = join(root, "test-results/screenshots");

/** `expect.poll` with room for a busy machine. */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

export const DAY = 86_400_000;
export const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
/** A `datetime-local` value in the browser's (and this process's) time zone. */
export function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
export const visible = (l: Locator) => l.first().waitFor({ state: "visible", timeout: 10_000 });
export const absent = (l: Locator) => poll(() => l.count()).toBe(0);
export const isFocused = (l: Locator) => l.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);
export const uniq = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 7)}`;

export interface Harness {
  server: StartedServer;
  browser: Browser;
  /** The signed-in page at 1280×800 that most flows drive. */
  page: Page;
  /** The demo shop's secret-key calls. */
  sk: Calls;
  /** Errors thrown in any page (the suite fails if there are any). */
  pageErrors: string[];
}

/** The API's routes as the demo shop's own server calls them (secret key), typed by the app (hono/client). */
export type Calls = ReturnType<typeof serverCalls>;

/** The shop's coupons (newest first, up to 100), as the API lists them. */
export async function listed(h: Harness, query: Parameters<Calls["listCoupons"]>[0] = {}) {
  return (await expectStatus(h.sk.listCoupons({ limit: "100", ...query }), 200)).data;
}

/** The coupon named `name` (it must exist). */
export async function byName(h: Harness, name: string) {
  const c = (await listed(h)).find((x) => x.name === name);
  if (!c) throw new Error(`no coupon is named ${name}`);
  return c;
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(shots, { recursive: true });
  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const h = { server, browser, pageErrors: [] as string[], sk: serverCalls(server.url, server.demo.secretKey) } as Harness;
  h.page = await newPage(h, 1280, 800);
  await signIn(h, h.page);
  return h;
}

export async function newPage(h: Harness, width: number, height: number): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width, height } });
  // Under the test's own timeout, so a wait that fails names what it waited for.
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => h.pageErrors.push(e.message));
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) h.pageErrors.push(m.text());
  });
  return page;
}

/** Opens /console and signs in with the demo shop's secret key. */
export async function signIn(h: Harness, page: Page, key = h.server.demo.secretKey) {
  await page.goto(`${h.server.url}/console`);
  await page.getByLabel("Secret key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Coupons", exact: true }).waitFor();
}

/** Opens a console route (`#/…`) and waits for its heading. */
export async function open(page: Page, hash: string, heading: string | RegExp) {
  // The route already shown is opened again as its nav link does: the view reloads.
  await page.evaluate((h) => {
    if (location.hash === h) dispatchEvent(new HashChangeEvent("hashchange"));
    else location.hash = h;
  }, hash);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `console-${name}.png`), fullPage: true });

export async function expectNoHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

/** axe-core on the whole page (it walks open shadow roots): the serious and critical violations. */
export async function axeViolations(page: Page) {
  // Evaluated rather than added as a <script>: the console's CSP lets the page run only its own scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(await loadAxe());
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => n.target) }));
  });
}
let axeCode: string | undefined;
async function loadAxe(): Promise<string> {
  axeCode ??= await readFile(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
  return axeCode;
}

/** The error text shown beside a field (the error element its `aria-describedby` names). */
export function errorBeside(field: Locator): Promise<string> {
  return field.evaluate((el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const errors = ids.map((id) => root.getElementById(id)).filter((e) => e?.classList.contains("error"));
    // Beside it: inside the same field block as the control.
    const block = el.closest(".field");
    return errors
      .filter((e) => block?.contains(e))
      .map((e) => e!.textContent!.trim())
      .join(" ");
  });
}

/** The focused element through shadow roots: its accessible-ish name (aria-label or text) and its description ids' text. */
export function focused(page: Page) {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return { tag: "", name: "", described: "" };
    const root = a.getRootNode() as Document | ShadowRoot;
    const described = (a.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => (id ? (root.getElementById(id)?.textContent ?? "") : ""))
      .join(" ");
    const label = a.id ? (root.querySelector(`label[for="${a.id}"]`)?.textContent ?? "") : "";
    return {
      tag: a.tagName.toLowerCase(),
      name: (a.getAttribute("aria-label") ?? label ?? "").trim() || (a.textContent ?? "").trim(),
      described,
    };
  });
}

/** Presses Tab until the focused control has this name (and, if given, a description containing `about`). */
export async function tabTo(page: Page, name: string, about?: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.name === name && (about === undefined || f.described.includes(about))) return;
  }
  throw new Error(`Tab never reached "${name}"${about ? ` about "${about}"` : ""}`);
}
