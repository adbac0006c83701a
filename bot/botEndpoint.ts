import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { Request, Response } from "express";
import { z } from "zod";
import { sendError } from "./edge";
import { TEXT_MAX_CHARS, TRANSPORT_FACTOR, type Config } from "./config";
import { issueError } from "./edge";
import { log } from "./log";

/** The fields every Bot Framework activity must carry for the adapter to handle it. */
export const BotActivity = z.object({
  // The bot handles no invoke activities (the SDK would answer 501); a caller's unsupported type is a 400.
  type: z.string().min(1).refine((t) => t !== "invoke", "invoke activities are not supported"),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  deliveryMode: z.string().optional(),
  // Longer than the text limit still reaches the bot, which says the limit in the person's language.
  text: z.string().max(TEXT_MAX_CHARS * TRANSPORT_FACTOR, `text must be at most ${TEXT_MAX_CHARS * TRANSPORT_FACTOR} characters`).optional(),
}).loose();

/** True for http(s) URLs on this machine only: 127.0.0.0/8, ::1, localhost (after the URL parser normalises the host). */
export function isLoopbackUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  return u.hostname === "localhost" || u.hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(u.hostname);
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type Connector = Awaited<ReturnType<ConnectorFactory["create"]>>;
interface OutgoingRequest { timeout: number; abortSignal?: AbortSignal }
interface Pipeline {
  addPolicy(policy: { name: string; sendRequest(request: OutgoingRequest, next: (r: OutgoingRequest) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * Every call a connector makes to a channel's serviceUrl ends within `ms`, retries included: the
 * policy sits before the pipeline's retry phase and sets one abort signal for all attempts. The
 * SDK overwrites `requestPolicyFactories`, so the policy goes onto each client's own pipeline.
 */
function withTimeout(connector: Connector, ms: number): Connector {
  const pipeline = (connector as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  // Fail closed: a connector that cannot be bounded sends nothing.
  if (!pipeline || typeof pipeline.addPolicy !== "function") throw new Error("cannot set a timeout on the Bot Framework connector");
  pipeline.addPolicy({
    name: "reittiOutboundTimeout",
    sendRequest: (request, next) => {
      request.timeout = ms;
      const limit = AbortSignal.timeout(ms);
      request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, limit]) : limit;
      return next(request);
    },
  });
  return connector;
}

function timed(factory: ConnectorFactory, ms: number): ConnectorFactory {
  return { create: async (serviceUrl: string, audience?: string) => withTimeout(await factory.create(serviceUrl, audience), ms) };
}

/** The SDK's authentication, with every connector it hands out bounded in time. */
class TimedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(config: Config) {
    super({ MicrosoftAppId: config.app.id, MicrosoftAppPassword: config.app.password, MicrosoftAppType: config.app.type, MicrosoftAppTenantId: config.app.tenantId });
    this.ms = config.outboundTimeoutMs;
  }
  private readonly ms: number;
  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>) {
    const result = await super.authenticateRequest(...args);
    return { ...result, connectorFactory: result.connectorFactory && timed(result.connectorFactory, this.ms) };
  }
  override async authenticateStreamingRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication["authenticateStreamingRequest"]>) {
    const result = await super.authenticateStreamingRequest(...args);
    return { ...result, connectorFactory: result.connectorFactory && timed(result.connectorFactory, this.ms) };
  }
  override createConnectorFactory(...args: Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>): ConnectorFactory {
    return timed(super.createConnectorFactory(...args), this.ms);
  }
}

export interface BotEndpoint {
  adapter: CloudAdapter;
  /** The express handler for POST /api/messages; the body is already parsed. */
  handle(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/**
 * The Bot Framework endpoint. With MicrosoftAppId and MicrosoftAppPassword the adapter checks every
 * request's token. Without them it refuses, unless BOT_ALLOW_UNAUTHENTICATED is set for the Emulator
 * on a developer's machine; even then no caller decides where the server sends anything: replies go
 * back in the response (deliveryMode expectReplies) or to a serviceUrl on this machine.
 */
export function botEndpoint(config: Config): BotEndpoint {
  const authenticated = Boolean(config.app.id && config.app.password);
  const adapter = new CloudAdapter(new TimedAuthentication(config));
  if (!authenticated) {
    log("warning", {
      message: config.allowUnauthenticated
        ? "No MicrosoftAppId/MicrosoftAppPassword: /api/messages accepts unauthenticated requests (BOT_ALLOW_UNAUTHENTICATED), replying only in the response or to this machine"
        : "No MicrosoftAppId/MicrosoftAppPassword: /api/messages refuses every request",
    });
  }

  return {
    adapter,
    async handle(req, res, logic) {
      if (!authenticated && !config.allowUnauthenticated) {
        return sendError(res, 401, "unauthorized", "This endpoint needs the bot's MicrosoftAppId and MicrosoftAppPassword to be configured (or BOT_ALLOW_UNAUTHENTICATED=1 for local testing).", "authorization");
      }
      // The adapter throws on an activity without these; answer the caller's mistake as a 400.
      const checked = BotActivity.safeParse(req.body);
      if (!checked.success) {
        const e = issueError("body", checked.error.issues[0]);
        return sendError(res, 400, e.code, e.message, e.field);
      }
      if (!authenticated && checked.data.deliveryMode !== "expectReplies" && !isLoopbackUrl(checked.data.serviceUrl)) {
        return sendError(res, 403, "forbidden", "Without authentication, replies go back in the response (deliveryMode \"expectReplies\") or to a serviceUrl on this machine only.", "serviceUrl");
      }
      await adapter.process(req, res, logic);
    },
  };
}
