import { createServer as createHttpServer, STATUS_CODES, type Server } from "node:http";
import type { Socket } from "node:net";
import express, { type Express, type Request } from "express";
import type { Guide } from "../knowledge/guide";
import { apiRouter } from "./api";
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, type Config } from "./config";
import { errorHandler, onlyMethods, sendError } from "./edge";
import { securityHeaders } from "./headers";
import { log } from "./log";
import { Metrics, observedGuide } from "./metrics";
import { limiters, type Limiters } from "./rateLimit";
import { redactPath } from "./redact";

export interface ServerParts {
  guide: Guide;
  config: Config;
  /** Shared with the wiring, so the bot's answers are counted beside the API's. */
  metrics?: Metrics;
  /** Further routers mounted by the wiring (Bot Framework endpoint, Direct Line, web pages). */
  mount?: (app: Express, limits: Limiters) => void;
}

/** The pattern that matched ("/api/services/:id/guidance"), or "(unmatched)": never what was typed. */
export function routePattern(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === "string" ? req.baseUrl + path : "(unmatched)";
}

/** The express app: health, the ask API, whatever the wiring mounts, and JSON errors for the rest. */
export function createServer({ guide, config, mount, metrics = new Metrics() }: ServerParts): Express {
  const app = express();
  app.disable("x-powered-by");
  // Client addresses (for rate limits) and https come from the proxy's headers only when TRUST_PROXY says so.
  app.set("trust proxy", config.trustProxy);
  const limits = limiters(config);
  app.use(securityHeaders(config));
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern, not the path: paths and query strings can carry what people typed.
      const route = routePattern(req);
      metrics.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.latency.observe({ route, method: req.method }, seconds);
      log("http", { method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1e6) / 1e3 });
      // The path itself only when debugging, decoded and redacted.
      log("http-path", { path: redactPath(req.path) }, "debug");
    });
    next();
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", services: guide.kb.services.size });
  });
  app.get("/metrics", metrics.handler());
  onlyMethods(app, { "/healthz": ["GET"], "/metrics": ["GET"] });
  // The ask API first: its requests should not walk past every page's and Direct Line's routes.
  app.use("/api", apiRouter(observedGuide(guide, metrics, "api"), limits.ask));
  mount?.(app, limits);
  app.use((_req, res) => sendError(res, 404, "not_found", "No such page or endpoint.", "path"));
  app.use(errorHandler((err) => log("error", { message: err instanceof Error ? err.message : String(err) }, "error")));
  return app;
}

/** What Node itself answers before express sees a request: malformed requests, huge headers, timeouts. */
function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message, field] =
    err.code === "HPE_HEADER_OVERFLOW" ? [431, "headers_too_large", "The request headers are too large.", "headers"]
    : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "timeout", "The request took too long to arrive.", "body"]
    : [400, "bad_request", "The request is not valid HTTP.", "request"];
  const body = JSON.stringify({ error: { code, message, field } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The HTTP server for an app: limits on how long headers and bodies may take, JSON for Node's own errors. */
export function httpServer(app: Express): Server {
  // Node checks these limits on an interval (30 s by default); every 2 s keeps them close to what they say.
  const server = createHttpServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 2000 }, app);
  server.on("clientError", clientError);
  return server;
}
