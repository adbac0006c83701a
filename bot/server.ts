import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { Guide } from "../knowledge/guide";
import { apiRouter, sendError } from "./api";
import { log } from "./log";
import { redactPath } from "./redact";

/** The pattern that matched ("/api/services/:id/guidance"), or "(unmatched)": never what was typed. */
export function routePattern(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === "string" ? req.baseUrl + path : "(unmatched)";
}

export interface ServerParts {
  guide: Guide;
  /** Further routers mounted by the wiring (Bot Framework endpoint, Direct Line, web pages). */
  mount?: (app: Express) => void;
}

/** The express app: health, the ask API, whatever the wiring mounts, and JSON errors for the rest. */
export function createServer({ guide, mount }: ServerParts): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      // The route pattern, not the path: paths and query strings can carry what people typed.
      log("http", { method: req.method, route: routePattern(req), status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 });
      // The path itself only when debugging, decoded and redacted.
      log("http-path", { path: redactPath(req.path) }, "debug");
    });
    next();
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", services: guide.kb.services.size });
  });
  app.use("/api", apiRouter(guide));
  mount?.(app);
  app.use((_req, res) => sendError(res, 404, "not_found", "No such page or endpoint."));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { status?: number; type?: string };
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      return sendError(res, e.status, "bad_request", "The request could not be read.", "body");
    }
    log("error", { message: err instanceof Error ? err.message : String(err) });
    sendError(res, 500, "internal_error", "Something went wrong on our side.");
  });
  return app;
}
