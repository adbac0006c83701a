import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import express, { type Router } from "express";
import type { i18n } from "i18next";
import { projectRoot } from "../knowledge/paths";
import { Lang } from "../knowledge/schema";
import { sendError } from "./api";

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  type: string;
}

/** Read once and gzip once on first use: the Web Chat bundle is 3.9 MB, about 1 MB gzipped. */
function asset(path: string, type: string): () => Asset {
  let cached: Asset | undefined;
  return () => {
    if (!cached) {
      const body = readFileSync(path);
      cached = { body, gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : undefined, type };
    }
    return cached;
  };
}

/** The residents' web chat: the page, its script and style, and the Web Chat bundle, no CDN. */
export function webRouter(i18: i18n): Router {
  const router = express.Router();
  const root = projectRoot();
  const web = join(root, "bot", "web");
  const assets: Record<string, () => Asset> = {
    "/": asset(join(web, "index.html"), "text/html; charset=utf-8"),
    "/static/chat.js": asset(join(web, "chat.js"), "text/javascript; charset=utf-8"),
    "/static/chat.css": asset(join(web, "chat.css"), "text/css; charset=utf-8"),
    "/advisor": asset(join(web, "advisor.html"), "text/html; charset=utf-8"),
    "/static/advisor.js": asset(join(web, "advisor.js"), "text/javascript; charset=utf-8"),
    "/static/advisor.css": asset(join(web, "advisor.css"), "text/css; charset=utf-8"),
    // The package's "exports" hide dist/, so the bundle is found by its place in node_modules.
    "/static/webchat.js": asset(join(root, "node_modules", "botframework-webchat", "dist", "webchat.js"), "text/javascript; charset=utf-8"),
  };
  for (const [path, get] of Object.entries(assets)) {
    router.get(path, (req, res) => {
      const a = get();
      res.type(a.type);
      res.set("Cache-Control", path === "/" || path === "/advisor" ? "no-cache" : "public, max-age=3600");
      res.set("Vary", "Accept-Encoding");
      if (a.gzip && req.acceptsEncodings("gzip") === "gzip") {
        res.set("Content-Encoding", "gzip");
        res.send(a.gzip);
      } else {
        res.send(a.body);
      }
    });
  }
  // The page's own strings, per language (locales/<lang>/web.json).
  router.get("/i18n/:lang/:ns", (req, res) => {
    const lang = Lang.safeParse(req.params.lang);
    if (!lang.success) return sendError(res, 400, "invalid_field", "Unknown language.", "lang");
    if (!["web", "advisor"].includes(req.params.ns)) return sendError(res, 404, "not_found", "No such string set.", "ns");
    const data = i18.getResourceBundle(lang.data, req.params.ns) ?? i18.getResourceBundle("en", req.params.ns);
    res.set("Cache-Control", "public, max-age=300");
    res.json({ ...i18.getResourceBundle("en", req.params.ns), ...data });
  });
  return router;
}
