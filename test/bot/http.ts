import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { createServer } from "../../bot/server";
import { wire } from "../../bot/wiring";
import { sharedGuide } from "../fixtures";

/** Starts an app on a free loopback port for one test file. */
export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The whole server, wired as main.ts wires it (bot, Direct Line, web pages), on a free port. */
export async function listenWired(): Promise<{ url: string; close: () => Promise<void> }> {
  const guide = await sharedGuide();
  const wired = wire(guide, {});
  const server = await listen(createServer({ guide, mount: wired.mount }));
  return {
    url: server.url,
    close: async () => {
      wired.close();
      await server.close();
    },
  };
}
