import type { NextFunction, Request, RequestHandler, Response, Router } from "express";
import express from "express";
import { z } from "zod";

// The edge of every endpoint: one error shape, JSON bodies read only when declared and small
// enough, and one way to validate a request with zod.

/** A 4xx JSON error that names the field: the only kind of failure a caller should ever see. */
export function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  if (res.headersSent) return;
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/**
 * A 200 JSON reply written straight out: express's res.json would also hash the body for an ETag,
 * which no one revalidates on a POST.
 */
export function sendJson(res: Response, value: unknown, body = JSON.stringify(value)): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) }).end(body);
}

/** Whether the request carries a body at all (POSTs without one are fine where no body is needed). */
function hasBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Deepest nesting of arrays and objects in a parsed JSON value, counted without recursion. */
export function depthOf(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > deepest) deepest = d;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/**
 * Reads a JSON body of at most `limit` bytes nested at most `maxDepth` deep. A declared length over
 * the limit is refused before a byte is read; anything but application/json gets 415, so a web page
 * elsewhere cannot post here without a CORS preflight.
 */
export function jsonBody(limit: number, maxDepth = 32): RequestHandler[] {
  const parse = express.json({ limit, strict: false, type: () => true });
  const gate: RequestHandler = (req, res, next) => {
    if (!hasBody(req)) return next();
    if (!req.is(["application/json", "application/*+json"])) {
      return sendError(res, 415, "unsupported_media_type", "Send the body as application/json.", "content-type");
    }
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      // The body stays unread; closing the connection keeps the client from sending it anyway.
      res.set("Connection", "close");
      return sendError(res, 413, "too_large", `The body is larger than ${Math.floor(limit / 1024)} kB.`, "body");
    }
    next();
  };
  const deep: RequestHandler = (req, res, next) => {
    if (req.body !== undefined && depthOf(req.body, maxDepth) > maxDepth) {
      return sendError(res, 400, "too_deep", `The body nests deeper than ${maxDepth} levels.`, "body");
    }
    next();
  };
  return [gate, parse, deep];
}

type Part = "body" | "query" | "params";
type Schemas = Partial<Record<Part, z.ZodType>>;
type Valid<S extends Schemas> = { [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never };

/** The first issue as the error the caller gets: the field's path, or the part itself when the whole is wrong. */
export function issueError(part: Part, issue: z.core.$ZodIssue): { code: string; message: string; field: string } {
  const path = issue.path.map(String).join(".");
  if (!path) {
    const what = part === "body" ? "The body must be a JSON object" : `The ${part} is not valid`;
    return { code: "invalid_request", message: `${what}: ${issue.message}.`, field: part };
  }
  return { code: "invalid_field", message: `Field "${path}": ${issue.message}.`, field: path };
}

/**
 * Checks the request's parts against zod schemas and hands the handler typed, parsed values;
 * the first problem becomes a 400 naming the field.
 */
export function validated<S extends Schemas>(schemas: S, handler: (input: Valid<S>, req: Request, res: Response) => unknown): RequestHandler {
  return async (req, res, next) => {
    const input: Record<string, unknown> = {};
    for (const part of Object.keys(schemas) as Part[]) {
      const r = schemas[part]!.safeParse(req[part]);
      if (!r.success) {
        const e = issueError(part, r.error.issues[0]);
        return sendError(res, 400, e.code, e.message, e.field);
      }
      input[part] = r.data;
    }
    try {
      await handler(input as Valid<S>, req, res);
    } catch (err) {
      next(err);
    }
  };
}

/** After a router's routes: the listed paths answer other methods with 405 and an Allow header. */
export function onlyMethods(router: Router, paths: Record<string, string[]>): void {
  for (const [path, methods] of Object.entries(paths)) {
    const allow = methods.includes("GET") ? [...methods, "HEAD"] : methods;
    router.all(path, (_req, res) => {
      res.set("Allow", allow.join(", "));
      sendError(res, 405, "method_not_allowed", `Use ${methods.join(" or ")} here.`, "method");
    });
  }
}

/** The error handler: what the body parser and anything else throws becomes the one error shape. */
export function errorHandler(onServerError: (err: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number; limit?: number };
    if (e.type === "entity.parse.failed") return sendError(res, 400, "invalid_json", "The body is not valid JSON.", "body");
    if (e.type === "entity.too.large") {
      res.set("Connection", "close");
      return sendError(res, 413, "too_large", `The body is larger than ${Math.floor((e.limit ?? 0) / 1024)} kB.`, "body");
    }
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") return sendError(res, 415, "unsupported_encoding", "Send the body as UTF-8 JSON.", "content-type");
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) return sendError(res, e.status, "bad_request", "The request could not be read.", "body");
    onServerError(err);
    sendError(res, 500, "internal_error", "Something went wrong on our side.");
  };
}
