import { createGuide } from "../knowledge/guide";
import { loadConfig, SHUTDOWN_GRACE_MS } from "./config";
import { flushLog, log } from "./log";
import { createServer, httpServer } from "./server";
import { openStore } from "./store";
import { wire } from "./wiring";

async function main(): Promise<void> {
  const config = loadConfig();
  const guide = await createGuide();
  const store = await openStore(config.stateStore);
  const { mount, metrics, close } = wire(guide, config, store);
  const server = httpServer(createServer({ guide, config, mount, metrics }));
  server.listen(config.port, config.host, () => log("listening", { host: config.host, port: config.port, store: config.stateStore === "memory" ? "memory" : "redis" }));

  // SIGTERM (a container stopping, a rolling deploy): stop accepting, let requests in flight (and
  // the bot turns inside them) finish, close the store, and exit well within 5 seconds.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("stopping", { signal });
    const done = async () => {
      await close().catch(() => undefined);
      flushLog();
      process.exit(0);
    };
    const force = setTimeout(() => {
      log("stopping", { message: "requests still open at the grace period's end were cut" }, "warn");
      server.closeAllConnections();
      void done();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      void done();
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  process.stderr.write(`Reitti could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
