/**
 * The baseline: a Hono hello-world on @hono/node-server, started the same way as the API (tsx, one
 * process). `POST /floor` is the floor of any quote on this stack: it parses a body like the quote's and
 * answers a JSON as long as the quote's answer, with no validation, no auth and no database.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("Hello, World!"));

let answer = "{}";
app.put("/floor", async (c) => {
  answer = await c.req.text(); // the answer the floor gives: set once by the benchmark
  return c.body(null, 204);
});
app.post("/floor", async (c) => {
  await c.req.json();
  return c.json(JSON.parse(answer));
});

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(`Hello server listening on http://127.0.0.1:${info.port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
