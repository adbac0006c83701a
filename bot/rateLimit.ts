import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { Config } from "./config";
import { sendError } from "./edge";

export interface Limiters {
  ask: RequestHandler;
  tokens: RequestHandler;
  post: RequestHandler;
  feedback: RequestHandler;
}

const pass: RequestHandler = (_req, _res, next) => next();

/**
 * Per client address (behind a proxy, the address TRUST_PROXY says to believe), per minute, one
 * budget per kind of request: asking, getting Direct Line tokens, posting to a conversation, and
 * feedback. RATE_LIMIT_PER_MINUTE=0 switches them off. Counts are per instance.
 */
export function limiters(config: Config): Limiters {
  const make = (name: string): RequestHandler => {
    if (config.rateLimitPerMinute === 0) return pass;
    return rateLimit({
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      identifier: name,
      // A spoofed X-Forwarded-For without TRUST_PROXY is simply not believed; no need to warn per request.
      validate: { xForwardedForHeader: false },
      handler: (_req, res) => {
        sendError(res, 429, "too_many_requests", `More than ${config.rateLimitPerMinute} requests a minute from this address; try again shortly.`, "rate");
      },
    });
  };
  return { ask: make("ask"), tokens: make("tokens"), post: make("post"), feedback: make("feedback") };
}
