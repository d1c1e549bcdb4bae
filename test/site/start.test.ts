/** `npm start` on a port another program holds: a message that names the port and how to choose another, and a non-zero exit. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

describe("npm start", () => {
  it("on a busy port says which port, how to pick another with PORT=, and exits with 1", async () => {
    const holder: Server = createServer();
    const port = await new Promise<number>((ok) => holder.listen(0, "127.0.0.1", () => ok((holder.address() as { port: number }).port)));
    const dir = mkdtempSync(join(tmpdir(), "coupons-busy-"));
    try {
      const child = spawn(process.execPath, ["--import", "tsx", join(root, "worker/node.ts")], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_URL: `file:${join(dir, "db.sqlite")}`,
          DEMO_KEYS_FILE: join(dir, "keys.json"),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      const code = await new Promise<number | null>((ok) => child.on("exit", ok));
      expect(code, out + err).toBe(1);
      expect(err).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(err).toContain(`PORT=${port + 1} npm start`);
      expect(err).toContain("PORT=0");
      expect(err).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(out).not.toContain("listening on");
    } finally {
      await new Promise((ok) => holder.close(ok));
    }
  });
});
