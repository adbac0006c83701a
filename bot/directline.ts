import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  ActivityTypes, BotAdapter, TurnContext,
  type Activity, type ConversationReference, type ResourceResponse,
} from "botbuilder";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { z } from "zod";
import { ACTIVITIES_BUFFERED, ACTIVITY_MAX_DEPTH, BODY_MAX_BYTES, CONVERSATION_IDLE_MS, TEXT_MAX_CHARS, TOKEN_SECONDS, TRANSPORT_FACTOR } from "./config";
import { issueError, jsonBody, onlyMethods, sendError, validated } from "./edge";
import { log } from "./log";
import type { StateStore } from "./store";

const BOT = { id: "reitti", name: "Reitti", role: "bot" };
const ID = /^[A-Za-z0-9_-]{16}$/;

/** What the store keeps of a conversation: a hash of its token's secret, and whether anyone has spoken. */
const Record = z.object({ hash: z.string(), live: z.boolean() });
type ConversationRecord = z.infer<typeof Record>;

const sha256 = (s: string) => createHash("sha256").update(s).digest();

/**
 * Direct Line conversations of the self-hosted Web Chat, on the StateStore. The token is
 * "<conversation id>.<secret>", so finding its conversation is one lookup; only the secret's hash
 * is stored. A conversation nobody has posted to yet stays in the store's small "pending" pool, so
 * a flood of new tokens cannot push out conversations in progress. Activities leave the buffer as
 * soon as the client has them.
 */
export class ConversationStore {
  constructor(private readonly store: StateStore) {}

  private key(id: string): string {
    return `dl:${id}`;
  }

  async create(): Promise<{ id: string; token: string }> {
    const id = randomBytes(12).toString("base64url");
    const secret = randomBytes(24).toString("base64url");
    const record: ConversationRecord = { hash: sha256(secret).toString("hex"), live: false };
    await this.store.set(this.key(id), JSON.stringify(record), TOKEN_SECONDS * 1000, "pending");
    return { id, token: `${id}.${secret}` };
  }

  /**
   * The conversation a token opens, if the token is right (and, when given, belongs to `id`).
   * A wrong token and an unknown conversation look the same, and a wrong token touches nothing.
   */
  async open(token: string | undefined, id?: string): Promise<{ id: string; token: string; live: boolean } | undefined> {
    if (!token) return undefined;
    const dot = token.indexOf(".");
    const tokenId = token.slice(0, dot);
    if (dot < 0 || !ID.test(tokenId) || (id !== undefined && id !== tokenId)) return undefined;
    const raw = await this.store.get(this.key(tokenId));
    if (raw === undefined) return undefined;
    const record = Record.safeParse(JSON.parse(raw));
    if (!record.success) return undefined;
    const want = Buffer.from(record.data.hash, "hex");
    const got = sha256(token.slice(dot + 1));
    if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
    // The owner is here: the conversation's time to live starts again.
    const ttl = record.data.live ? CONVERSATION_IDLE_MS : TOKEN_SECONDS * 1000;
    await this.store.set(this.key(tokenId), raw, ttl, record.data.live ? "live" : "pending");
    return { id: tokenId, token, live: record.data.live };
  }

  /** Moves a conversation to the live pool once its client has posted something. */
  async markLive(c: { id: string; token: string; live: boolean }): Promise<void> {
    if (c.live) return;
    const record: ConversationRecord = { hash: sha256(c.token.slice(c.token.indexOf(".") + 1)).toString("hex"), live: true };
    await this.store.set(this.key(c.id), JSON.stringify(record), CONVERSATION_IDLE_MS, "live");
    c.live = true;
  }

  /** Appends an activity, giving it the id Web Chat expects: conversation id and watermark. */
  async push(conversationId: string, activity: Partial<Activity>): Promise<string> {
    const seq = await this.store.append(`${this.key(conversationId)}:log`, JSON.stringify({ ...activity, timestamp: new Date() }), ACTIVITIES_BUFFERED, CONVERSATION_IDLE_MS);
    return activityId(conversationId, seq);
  }

  /** Activities from watermark on; those before it are acknowledged and forgotten. */
  async since(conversationId: string, watermark: number): Promise<{ activities: Array<Partial<Activity>>; watermark: string }> {
    const { entries, next } = await this.store.since(`${this.key(conversationId)}:log`, watermark, CONVERSATION_IDLE_MS);
    const activities = entries.map((e) => ({ ...(JSON.parse(e.value) as Partial<Activity>), id: activityId(conversationId, e.seq) }));
    return { activities, watermark: String(next) };
  }
}

const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, "0")}`;

/** Runs the bot for activities that arrive through our Direct Line endpoint; replies go to the store. */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly conversations: ConversationStore) {
    super();
  }

  async sendActivities(_context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const out: ResourceResponse[] = [];
    for (const a of activities) {
      if (a.type === "delay" || a.type === ActivityTypes.InvokeResponse || a.type === ActivityTypes.Trace || !a.conversation?.id) {
        out.push({ id: "" });
        continue;
      }
      out.push({ id: await this.conversations.push(a.conversation.id, { ...a, from: BOT }) });
    }
    return out;
  }

  async updateActivity(): Promise<void> {
    throw new Error("updating a sent activity is not supported here");
  }

  async deleteActivity(): Promise<void> {
    throw new Error("deleting a sent activity is not supported here");
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: "continueConversation" }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

// What Web Chat posts; anything else in the activity is dropped at this edge.
const IncomingActivity = z.object({
  type: z.enum(["message", "event", "typing", "conversationUpdate"]),
  // Longer than the text limit still reaches the bot, which says the limit in the person's language.
  text: z.string().max(TEXT_MAX_CHARS * TRANSPORT_FACTOR, `text must be at most ${TEXT_MAX_CHARS * TRANSPORT_FACTOR} characters`).optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(20).optional(),
  from: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), role: z.string().max(20).optional() }),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).max(0, "attachments are not accepted").optional(),
});
const Watermark = z.object({
  watermark: z.union([z.literal(""), z.coerce.number().int("watermark must be a whole number").min(0).max(Number.MAX_SAFE_INTEGER)]).optional(),
});

function bearer(req: Request): string | undefined {
  const m = /^Bearer\s+(\S{1,200})$/i.exec(req.get("authorization") ?? "");
  return m?.[1];
}

export interface DirectLineLimits {
  /** Token generation, refresh and starting a conversation. */
  tokens: RequestHandler;
  /** Posting an activity. */
  post: RequestHandler;
}

/**
 * The part of Direct Line 3.0 that Web Chat uses with webSocket: false: start a conversation,
 * post an activity, poll activities with a watermark, generate and refresh tokens.
 */
export function directLineRouter(conversations: ConversationStore, adapter: DirectLineAdapter, logic: (context: TurnContext) => Promise<void>, limits: DirectLineLimits): Router {
  const router = express.Router();
  const issue = (c: { id: string; token: string }) => ({ conversationId: c.id, token: c.token, expires_in: TOKEN_SECONDS });
  const forbidden = (res: Response) => sendError(res, 403, "forbidden", "The token is unknown or expired: get one from /v3/directline/tokens/generate.", "authorization");
  // The same answer for an unknown conversation and for someone else's: ids cannot be probed.
  const notFound = (res: Response) => sendError(res, 404, "not_found", "No such conversation for this token, or it has ended.", "conversationId");

  router.post("/tokens/generate", limits.tokens, async (_req, res) => {
    res.json(issue(await conversations.create()));
  });
  router.post("/tokens/refresh", limits.tokens, async (req, res) => {
    const c = await conversations.open(bearer(req));
    if (!c) return forbidden(res);
    res.json(issue(c));
  });
  router.post("/conversations", limits.tokens, async (req, res) => {
    const c = await conversations.open(bearer(req));
    if (!c) return forbidden(res);
    res.status(201).json(issue(c));
  });

  router.get("/conversations/:id", async (req, res) => {
    const c = await conversations.open(bearer(req), String(req.params.id));
    if (!c) return notFound(res);
    res.json(issue(c));
  });

  router.get("/conversations/:id/activities", validated({ query: Watermark }, async ({ query }, req, res) => {
    const c = await conversations.open(bearer(req), String(req.params.id));
    if (!c) return notFound(res);
    res.json(await conversations.since(c.id, query.watermark === "" || query.watermark === undefined ? 0 : query.watermark));
  }));

  router.post("/conversations/:id/activities", limits.post, ...jsonBody(BODY_MAX_BYTES.directLine, ACTIVITY_MAX_DEPTH), async (req, res) => {
    const c = await conversations.open(bearer(req), String(req.params.id));
    if (!c) return notFound(res);
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const e = issueError("body", parsed.error.issues[0]);
      return sendError(res, 400, e.code, e.message, e.field);
    }
    await conversations.markLive(c);
    const incoming: Partial<Activity> = {
      ...parsed.data,
      from: { id: parsed.data.from.id, name: parsed.data.from.name ?? "", role: "user" },
      channelId: "directline",
      serviceUrl: `${req.protocol}://${req.get("host")}`,
      conversation: { id: c.id, isGroup: false, conversationType: "personal", name: "" },
      recipient: BOT,
    } as Partial<Activity>;
    // Web Chat waits for its own message to come back with an id, or it shows "send failed".
    const id = await conversations.push(c.id, incoming);
    try {
      await adapter.process({ ...incoming, id }, logic);
    } catch (e) {
      log("turn-error", { message: e instanceof Error ? e.message : String(e) }, "error");
    }
    res.json({ id });
  });
  onlyMethods(router, {
    "/tokens/generate": ["POST"], "/tokens/refresh": ["POST"], "/conversations": ["POST"],
    "/conversations/:id": ["GET"], "/conversations/:id/activities": ["GET", "POST"],
  });
  return router;
}
