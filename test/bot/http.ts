import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { loadConfig } from "../../bot/config";
import { createServer, httpServer } from "../../bot/server";
import { wire } from "../../bot/wiring";
import { sharedGuide } from "../fixtures";

/** Starts an app on a free loopback port for one test file. */
export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = httpServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Tests not about rate limits switch them off; `env` overrides, as the environment would. */
export const testConfig = (env: NodeJS.ProcessEnv = {}) => loadConfig({ RATE_LIMIT_PER_MINUTE: "0", ...env });

/** The whole server, wired as main.ts wires it (bot, Direct Line, web pages), on a free port. */
export async function listenWired(env: NodeJS.ProcessEnv = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const guide = await sharedGuide();
  const config = testConfig(env);
  const wired = wire(guide, config);
  const server = await listen(createServer({ guide, config, mount: wired.mount, metrics: wired.metrics }));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await wired.close();
    },
  };
}

/** The ask API alone, without the wiring. */
export async function listenApi(env: NodeJS.ProcessEnv = {}): Promise<{ url: string; close: () => Promise<void> }> {
  return listen(createServer({ guide: await sharedGuide(), config: testConfig(env) }));
}
