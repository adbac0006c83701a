import { randomBytes } from "node:crypto";
import {
  ActivityTypes, BotAdapter, TurnContext,
  type Activity, type ConversationReference, type ResourceResponse,
} from "botbuilder";
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import { TEXT_MAX } from "../knowledge/schema";
import { sendError } from "./api";
import { log } from "./log";

const TOKEN_SECONDS = 1800;
const MAX_CONVERSATIONS = 5000;
const MAX_BUFFERED = 100;
const BOT = { id: "reitti", name: "Reitti", role: "bot" };
/** How far past the text limit a message is still carried to the bot to be told the limit. */
const TRANSPORT_FACTOR = 8;

interface Conversation {
  id: string;
  token: string;
  /** Activities not yet acknowledged by the client; `first` is the watermark of the oldest. */
  buffer: Array<Partial<Activity>>;
  first: number;
  touched: number;
}

/**
 * Conversations of the self-hosted Web Chat, in memory and bounded: dropped after 30 minutes
 * idle, oldest first past 5000. Activities leave the buffer as soon as the client has them.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly idleMs = TOKEN_SECONDS * 1000, private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  create(): Conversation {
    const c: Conversation = { id: randomBytes(12).toString("base64url"), token: randomBytes(24).toString("base64url"), buffer: [], first: 0, touched: this.now() };
    this.conversations.set(c.id, c);
    while (this.conversations.size > MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
    return c;
  }

  get(id: string): Conversation | undefined {
    const c = this.conversations.get(id);
    if (!c) return undefined;
    if (c.touched < this.now() - this.idleMs) {
      this.conversations.delete(id);
      return undefined;
    }
    c.touched = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, c);
    return c;
  }

  byToken(token: string): Conversation | undefined {
    for (const c of this.conversations.values()) if (c.token === token) return this.get(c.id);
    return undefined;
  }

  /** Appends an activity, giving it the id Web Chat expects: conversation id and watermark. */
  push(c: Conversation, activity: Partial<Activity>): string {
    const seq = c.first + c.buffer.length;
    const id = `${c.id}|${String(seq).padStart(7, "0")}`;
    c.buffer.push({ ...activity, id, timestamp: new Date(this.now()) });
    if (c.buffer.length > MAX_BUFFERED) {
      c.buffer.shift();
      c.first++;
    }
    return id;
  }

  /** Activities from watermark on; those before it are acknowledged and forgotten. */
  since(c: Conversation, watermark: number): { activities: Array<Partial<Activity>>; watermark: string } {
    const drop = Math.max(0, Math.min(watermark - c.first, c.buffer.length));
    c.buffer.splice(0, drop);
    c.first += drop;
    return { activities: c.buffer.slice(), watermark: String(c.first + c.buffer.length) };
  }

  get size(): number {
    return this.conversations.size;
  }

  sweep(): void {
    const limit = this.now() - this.idleMs;
    for (const [id, c] of this.conversations) if (c.touched < limit) this.conversations.delete(id);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}

/** Runs the bot for activities that arrive through our Direct Line endpoint; replies go to the store. */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly store: ConversationStore) {
    super();
  }

  async sendActivities(_context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const out: ResourceResponse[] = [];
    for (const a of activities) {
      if (a.type === "delay" || a.type === ActivityTypes.InvokeResponse || a.type === ActivityTypes.Trace) {
        out.push({ id: "" });
        continue;
      }
      const c = a.conversation?.id ? this.store.get(a.conversation.id) : undefined;
      if (!c) {
        out.push({ id: "" });
        continue;
      }
      out.push({ id: this.store.push(c, { ...a, from: BOT }) });
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
  // Longer than TEXT_MAX still reaches the bot, which says the limit in the person's language.
  text: z.string().max(TEXT_MAX * TRANSPORT_FACTOR, `text must be at most ${TEXT_MAX * TRANSPORT_FACTOR} characters`).optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(20).optional(),
  from: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional(), role: z.string().max(20).optional() }),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).max(0, "attachments are not accepted").optional(),
});

function bearer(req: Request): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
  return m?.[1];
}

/**
 * The part of Direct Line 3.0 that Web Chat uses with webSocket: false: start a conversation,
 * post an activity, poll activities with a watermark, generate and refresh tokens.
 */
export function directLineRouter(store: ConversationStore, adapter: DirectLineAdapter, logic: (context: TurnContext) => Promise<void>): Router {
  const router = express.Router();
  router.use(express.json({ limit: "16kb" }));
  const issue = (c: Conversation) => ({ conversationId: c.id, token: c.token, expires_in: TOKEN_SECONDS });

  router.post("/tokens/generate", (_req, res) => {
    res.json(issue(store.create()));
  });
  router.post("/tokens/refresh", (req, res) => {
    const c = store.byToken(bearer(req) ?? "");
    if (!c) return sendError(res, 403, "forbidden", "The token is unknown or expired.", "authorization");
    res.json(issue(c));
  });
  router.post("/conversations", (req, res) => {
    const token = bearer(req);
    const c = token ? store.byToken(token) : undefined;
    if (!c) return sendError(res, 403, "forbidden", "A token from /v3/directline/tokens/generate is needed.", "authorization");
    res.status(201).json(issue(c));
  });

  const owned = (req: Request, res: Response): Conversation | undefined => {
    const id = String(req.params.id);
    const c = store.get(id);
    if (!c) {
      sendError(res, 404, "not_found", "No such conversation, or it has ended.", "conversationId");
      return undefined;
    }
    if (bearer(req) !== c.token) {
      sendError(res, 403, "forbidden", "The token does not belong to this conversation.", "authorization");
      return undefined;
    }
    return c;
  };

  router.get("/conversations/:id", (req, res) => {
    const c = owned(req, res);
    if (c) res.json(issue(c));
  });

  router.get("/conversations/:id/activities", (req, res) => {
    const c = owned(req, res);
    if (!c) return;
    const w = req.query.watermark === undefined || req.query.watermark === "" ? 0 : Number(req.query.watermark);
    if (!Number.isInteger(w) || w < 0) return sendError(res, 400, "invalid_field", "watermark must be a whole number.", "watermark");
    res.json(store.since(c, w));
  });

  router.post("/conversations/:id/activities", async (req, res) => {
    const c = owned(req, res);
    if (!c) return;
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join(".") || "body";
      return sendError(res, 400, "invalid_field", `Field "${field}": ${issue.message}.`, field);
    }
    const incoming: Partial<Activity> = {
      ...parsed.data,
      from: { id: parsed.data.from.id, name: parsed.data.from.name ?? "", role: "user" },
      channelId: "directline",
      serviceUrl: `${req.protocol}://${req.get("host")}`,
      conversation: { id: c.id, isGroup: false, conversationType: "personal", name: "" },
      recipient: BOT,
    } as Partial<Activity>;
    // Web Chat waits for its own message to come back with an id, or it shows "send failed".
    const id = store.push(c, incoming);
    try {
      await adapter.process({ ...incoming, id }, logic);
    } catch (e) {
      log("turn-error", { message: e instanceof Error ? e.message : String(e) });
    }
    res.json({ id });
  });
  return router;
}
