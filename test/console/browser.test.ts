/**
 * The seller console in a real browser (Debian's Chromium) against the real Node server, driven only
 * through the accessible names README "Seller console" lists. One server, one browser, one signed-in page
 * reused by the flows; every view is photographed at 1280×800 and 390×844 into test-results/screenshots/
 * for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, runBrowserTests } from "../support/chromium.js";
import { startHarness, type Harness } from "./harness.js";
import { formFlows } from "./form.flows.js";
import { listFlows } from "./list.flows.js";
import { viewFlows } from "./view.flows.js";
import { webhookFlows } from "./webhooks.flows.js";
import { sellerToolFlows } from "./seller-tools.flows.js";
import { layoutChecks } from "./layout.flows.js";
import { servingChecks } from "./serving.flows.js";

if (!runBrowserTests)
  console.warn(`[console browser tests] skipped: ${CHROMIUM} is missing (apt-get install -y chromium). In CI they run.`);

describe.skipIf(!runBrowserTests)("seller console in Chromium", () => {
  const h = {} as Harness;

  beforeAll(async () => {
    Object.assign(h, await startHarness());
  }, 60_000);

  afterAll(async () => {
    await h.browser?.close();
    await h.server?.stop();
  });

  servingChecks(h);
  formFlows(h);
  listFlows(h);
  viewFlows(h);
  webhookFlows(h);
  sellerToolFlows(h);
  layoutChecks(h);

  it("threw no error in any page, and broke no rule of its Content-Security-Policy", () => {
    expect(h.pageErrors).toEqual([]);
  });
});
