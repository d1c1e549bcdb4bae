/** Routes outside the API contract, without auth: health. The pages, the widget files and the demo are in worker/site/. */
import { createRouter } from "../../lib/router.js";

export const site = createRouter().get("/health", (c) => c.json({ ok: true }, 200));
