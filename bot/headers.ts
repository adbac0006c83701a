import type { RequestHandler } from "express";
import helmet from "helmet";
import type { Config } from "./config";

const HSTS = "max-age=31536000; includeSubDomains";

/** The pages that embed the Web Chat bundle, whose styling library writes <style> elements at run time. */
const WEB_CHAT_PAGES = new Set(["/"]);

const policy = (styles: string[]) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": styles,
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    // Sent below, only where the proxy says the request came over TLS.
    strictTransportSecurity: false,
  });

/**
 * Security headers on every response. Every script and style file is served from here (no CDN), so
 * the policy allows this origin only and never an inline script. Only the web chat page allows
 * inline styles, for Web Chat's run-time <style> elements.
 */
export function securityHeaders(config: Config): RequestHandler[] {
  const strict = policy(["'self'"]);
  const chat = policy(["'self'", "'unsafe-inline'"]);
  const base: RequestHandler = (req, res, next) => (WEB_CHAT_PAGES.has(req.path) ? chat : strict)(req, res, next);
  // HSTS only when a trusted proxy terminates TLS: req.secure then reflects its X-Forwarded-Proto.
  const hsts: RequestHandler = (req, res, next) => {
    if (config.trustProxy !== false && req.secure) res.set("Strict-Transport-Security", HSTS);
    next();
  };
  return [base, hsts];
}
