/**
 * The webhook receiver of the benchmark: a node:http server that answers 200 to every POST and counts
 * them (`GET /count`), in its own process like a storefront's receiver would be.
 */
import { createServer } from "node:http";

let received = 0;
const server = createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ received }));
    return;
  }
  req.resume();
  req.on("end", () => {
    received++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`Webhook receiver listening on http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
