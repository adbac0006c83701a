import { z } from "zod";
import { TEXT_MAX_CHARS } from "../knowledge/limits";

// Every tunable of the running server, in one place. Environment variables set the deployment's
// choices; the constants are limits that protect the service and rarely need changing.

export { TEXT_MAX_CHARS };
/** How far past the text limit a chat message is still carried to the bot, to be told the limit in its language. */
export const TRANSPORT_FACTOR = 8;

/** Largest request body any endpoint reads; checked against content-length before reading. */
export const BODY_MAX_BYTES = { api: 16 * 1024, directLine: 16 * 1024, botFramework: 64 * 1024 } as const;
/** Deepest nesting of objects and arrays accepted in an activity. */
export const ACTIVITY_MAX_DEPTH = 16;
/** Node's own limits: how long the headers, and the whole request, may take to arrive. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How long a SIGTERM waits for requests in flight before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 4000;
/** Conversation state and Direct Line conversations are forgotten after this long idle. */
export const CONVERSATION_IDLE_MS = 30 * 60_000;
/** Direct Line: a token's life, and how many activities a conversation buffers for its client. */
export const TOKEN_SECONDS = 1800;
export const ACTIVITIES_BUFFERED = 100;
/** In-memory store: bytes for live conversations, and for tokens not yet used (a flood of those evicts only those). */
export const MEMORY_LIVE_BYTES = 64 * 1024 * 1024;
export const MEMORY_PENDING_BYTES = 4 * 1024 * 1024;

const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");

const Env = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** express "trust proxy": "1" (one hop), a hop count, or addresses/subnets; absent or "0": no proxy. */
  TRUST_PROXY: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  STATE_STORE: z.string().regex(/^(memory|rediss?:\/\/.+)$/, "memory, or redis://host:port").default("memory"),
  BOT_ALLOW_UNAUTHENTICATED: flag,
  /** Outbound calls to a Bot Framework channel give up after this, retries included. */
  BOT_OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(5000),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
});

export interface Config {
  host: string;
  port: number;
  /** What express's "trust proxy" gets: false, a hop count, or a list of addresses. */
  trustProxy: boolean | number | string;
  /** Whether the proxy terminates TLS, so HSTS may be sent. */
  behindTls: boolean;
  rateLimitPerMinute: number;
  stateStore: string;
  allowUnauthenticated: boolean;
  outboundTimeoutMs: number;
  app: { id?: string; password?: string; type?: string; tenantId?: string };
}

/** Reads the environment once; a bad value stops the start with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.safeParse({
    ...env,
    MicrosoftAppId: env.MicrosoftAppId || env.MICROSOFT_APP_ID || undefined,
    MicrosoftAppPassword: env.MicrosoftAppPassword || env.MICROSOFT_APP_PASSWORD || undefined,
    MicrosoftAppType: env.MicrosoftAppType || env.MICROSOFT_APP_TYPE || undefined,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId || env.MICROSOFT_APP_TENANT_ID || undefined,
  });
  if (!e.success) {
    const issue = e.error.issues[0];
    throw new Error(`environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const v = e.data;
  const proxy = (v.TRUST_PROXY ?? "").trim();
  const trustProxy = proxy === "" || proxy === "0" || proxy === "false" ? false
    : proxy === "true" ? true
    : /^\d+$/.test(proxy) ? Number(proxy)
    : proxy;
  return {
    host: v.HOST,
    port: v.PORT,
    trustProxy,
    behindTls: trustProxy !== false,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    stateStore: v.STATE_STORE,
    allowUnauthenticated: v.BOT_ALLOW_UNAUTHENTICATED,
    outboundTimeoutMs: v.BOT_OUTBOUND_TIMEOUT_MS,
    app: { id: v.MicrosoftAppId, password: v.MicrosoftAppPassword, type: v.MicrosoftAppType, tenantId: v.MicrosoftAppTenantId },
  };
}
