import { readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type Router } from "express";
import type { i18n } from "i18next";
import { projectRoot } from "../knowledge/paths";
import { TEXT_MAX_CHARS } from "../knowledge/limits";
import { Lang } from "../knowledge/schema";
import { sendError } from "./api";
import { makeAsset, type Asset } from "./webAssets";

/** The package's "exports" hide dist/, so the bundle is found by its place in node_modules. */
export const webChatBundlePath = (): string => join(projectRoot(), "node_modules", "botframework-webchat", "dist", "webchat.js");

/** A year: versioned URLs (?v=<hash>) never change content. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Read and compress once, on first use. */
function lazy(make: () => Asset): () => Asset {
  let cached: Asset | undefined;
  return () => (cached ??= make());
}
const file = (path: string, type: string) => lazy(() => makeAsset(readFileSync(path), type, path));

/** The residents' web chat: the page, its scripts and style, and the Web Chat bundle, no CDN. */
export function webRouter(i18: i18n): Router {
  const router = express.Router();
  const web = join(projectRoot(), "bot", "web");
  const statics: Record<string, () => Asset> = {
    "/static/chat.js": file(join(web, "chat.js"), "text/javascript; charset=utf-8"),
    "/static/directline-client.js": file(join(web, "directline-client.js"), "text/javascript; charset=utf-8"),
    "/static/chat.css": file(join(web, "chat.css"), "text/css; charset=utf-8"),
    "/static/advisor.js": file(join(web, "advisor.js"), "text/javascript; charset=utf-8"),
    "/static/advisor.css": file(join(web, "advisor.css"), "text/css; charset=utf-8"),
    "/static/webchat.js": file(webChatBundlePath(), "text/javascript; charset=utf-8"),
  };
  // Pages name their assets with a content hash, so a browser keeps them until they change.
  const page = (path: string) => lazy(() => {
    let html = readFileSync(path, "utf8").replace(/__TEXT_MAX__/g, String(TEXT_MAX_CHARS));
    for (const [url, get] of Object.entries(statics)) {
      if (html.includes(`"${url}"`)) html = html.split(`"${url}"`).join(`"${url}?v=${get().etag.slice(1, 13)}"`);
    }
    return makeAsset(Buffer.from(html), "text/html; charset=utf-8");
  });
  const pages: Record<string, () => Asset> = {
    "/": page(join(web, "index.html")),
    "/advisor": page(join(web, "advisor.html")),
  };

  const serve = (path: string, get: () => Asset, isPage: boolean) => {
    router.get(path, (req, res) => {
      const a = get();
      res.type(a.type);
      res.set("Cache-Control", isPage || req.query.v === undefined ? "no-cache" : IMMUTABLE);
      res.set("ETag", a.etag);
      res.set("Vary", "Accept-Encoding");
      if (req.get("if-none-match") === a.etag) return res.status(304).end();
      const enc = req.acceptsEncodings("br", "gzip");
      if (a.br && enc === "br") {
        res.set("Content-Encoding", "br");
        return res.send(a.br);
      }
      if (a.gzip && enc === "gzip") {
        res.set("Content-Encoding", "gzip");
        return res.send(a.gzip);
      }
      res.send(a.body);
    });
  };
  for (const [path, get] of Object.entries(statics)) serve(path, get, false);
  for (const [path, get] of Object.entries(pages)) serve(path, get, true);

  // The page's own strings and Web Chat's, per language (locales/<lang>/web.json, webchat.json);
  // plain Finnish's in locales/fi/selko.json.
  router.get("/i18n/:lang/:ns", (req, res) => {
    const lang = Lang.safeParse(req.params.lang);
    if (!lang.success) return sendError(res, 400, "invalid_field", "Unknown language.", "lang");
    if (!["web", "advisor", "webchat", "selko"].includes(req.params.ns)) return sendError(res, 404, "not_found", "No such string set.", "ns");
    const data = i18.getResourceBundle(lang.data, req.params.ns) ?? i18.getResourceBundle("en", req.params.ns);
    res.set("Cache-Control", "public, max-age=300");
    // Web Chat has its own English; its overrides fall back to nothing rather than to English.
    const base = req.params.ns === "webchat" || req.params.ns === "selko" ? {} : i18.getResourceBundle("en", req.params.ns);
    res.json({ ...base, ...data });
  });
  return router;
}
