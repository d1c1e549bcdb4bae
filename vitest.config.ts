import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel forks, but server-spawning suites stay modest.
    pool: "forks",
    maxWorkers: 2,
  },
});
