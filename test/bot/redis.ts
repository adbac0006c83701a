import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./browser";

/** Answers whether a Redis on this port says PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d: Buffer) => { s.destroy(); resolve(d.toString().startsWith("+PONG")); });
    s.on("error", () => resolve(false));
  });
}

/**
 * A throwaway Debian redis-server on a free loopback port, keeping nothing on disk
 * (.ci/run installs it). The tests need it; a missing one fails them, it does not skip them.
 */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "ignore", "pipe"] });
  let failure = "";
  child.on("error", (e) => { failure = `redis-server could not run (${e.message}): install Debian's redis-server (.ci/run does)`; });
  child.stderr?.on("data", (d: Buffer) => { failure += d.toString(); });
  const deadline = Date.now() + 10000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || (failure && child.pid === undefined)) throw new Error(failure || "redis-server exited");
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start: ${failure}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}
