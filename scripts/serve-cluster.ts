// `npm run start:cluster`: the built app in several processes sharing one
// port, for a server on PostgreSQL. Next's own server (`npm start`) is one
// Node process, so one core renders pages; here Node's cluster module hands
// connections round-robin to WEB_CONCURRENCY workers (default: one per
// core). The workers share nothing in memory that could disagree: cached
// figures are keyed by the data version read from the database. The
// embedded database belongs to one process, so this needs DATABASE_URL.
import cluster from "node:cluster";
import os from "node:os";
import { serveApp } from "./app-server";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));
const port = Number(process.env.PORT ?? 3000);

if (!process.env.DATABASE_URL) {
  console.error(
    "start:cluster needs DATABASE_URL (PostgreSQL): the embedded database serves one process. Use `npm start` without it.",
  );
  process.exit(1);
}

if (cluster.isPrimary) {
  let stopping = false;
  const recentExits: number[] = [];
  for (let i = 0; i < workers; i++) cluster.fork();
  console.log(`Serving http://localhost:${port} with ${workers} worker processes.`);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    recentExits.push(now);
    while (recentExits[0]! < now - 60_000) recentExits.shift();
    // A worker that keeps dying (bad configuration, database gone) stops the server instead of looping.
    if (recentExits.length > workers * 3) {
      console.error(`Workers keep exiting (last: ${signal ?? code}); stopping. See the messages above.`);
      process.exit(1);
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    setTimeout(() => cluster.fork(), 1_000);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      setTimeout(() => process.exit(0), 5_000).unref();
      cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    });
  }
} else {
  // Each worker reads the client's address from its connections as `npm start` does.
  await serveApp(port);
}
