import { ConversationState, type TurnContext } from "botbuilder";
import type { Express } from "express";
import { CommandRecognizer } from "../knowledge/commands";
import type { Guide } from "../knowledge/guide";
import { profileLang, type DialogDeps, type Profile } from "../dialogs/deps";
import { MainDialog } from "../dialogs/mainDialog";
import { botEndpoint } from "./botEndpoint";
import { dialogParts } from "./dialogParts";
import { ACTIVITY_MAX_DEPTH, BODY_MAX_BYTES, CONVERSATION_IDLE_MS, MEMORY_LIVE_BYTES, MEMORY_PENDING_BYTES, type Config } from "./config";
import { ConversationStore, DirectLineAdapter, directLineRouter } from "./directline";
import { jsonBody, onlyMethods } from "./edge";
import { FeedbackCounter } from "./feedback";
import { log } from "./log";
import { Metrics, observedGuide } from "./metrics";
import type { Limiters } from "./rateLimit";
import { ReittiBot } from "./reittiBot";
import { MemoryStore, type StateStore } from "./store";
import { StoreStorage } from "./store/storage";
import { webRouter } from "./webRoutes";

export interface Wired {
  bot: ReittiBot;
  deps: DialogDeps;
  store: StateStore;
  conversations: ConversationStore;
  feedback: FeedbackCounter;
  metrics: Metrics;
  mount: (app: Express, limits: Limiters) => void;
  close: () => Promise<void>;
}

/**
 * Builds storage, state, recognizer and dialogs once, and hands them in through constructors.
 * `store` holds every conversation (bounded memory unless given Redis).
 */
export function wire(guide: Guide, config: Config, store: StateStore = new MemoryStore(MEMORY_LIVE_BYTES, MEMORY_PENDING_BYTES, CONVERSATION_IDLE_MS)): Wired {
  const conversationState = new ConversationState(new StoreStorage(store, CONVERSATION_IDLE_MS));
  const metrics = new Metrics();
  const feedback = new FeedbackCounter((helpful) => metrics.feedback.inc({ vote: helpful ? "yes" : "no" }));
  const deps: DialogDeps = {
    ...dialogParts(observedGuide(guide, metrics, "bot"), new CommandRecognizer(guide.i18n)),
    profile: conversationState.createProperty<Profile>("profile"),
    feedback,
  };
  const bot = new ReittiBot(conversationState, new MainDialog(deps), deps);

  const onTurnError = async (context: TurnContext, error: Error) => {
    log("turn-error", { message: error.message }, "error");
    const lang = profileLang(await deps.profile.get(context, {}).catch(() => ({})));
    await context.sendActivity(guide.t(lang)("bot:error")).catch(() => undefined);
    await conversationState.delete(context).catch(() => undefined);
  };

  // Bot Framework channels (Emulator, Azure Bot Service): see botEndpoint for who may call it.
  const endpoint = botEndpoint(config);
  endpoint.adapter.onTurnError = onTurnError;

  const conversations = new ConversationStore(store);
  const directLine = new DirectLineAdapter(conversations);
  directLine.onTurnError = onTurnError;

  const mount = (app: Express, limits: Limiters) => {
    app.post("/api/messages", ...jsonBody(BODY_MAX_BYTES.botFramework, ACTIVITY_MAX_DEPTH), (req, res) => endpoint.handle(req, res, (context) => bot.run(context)));
    app.use("/v3/directline", directLineRouter(conversations, directLine, (context) => bot.run(context), limits));
    app.get("/api/feedback", limits.feedback, (_req, res) => {
      res.json({ yes: feedback.yes, no: feedback.no });
    });
    onlyMethods(app, { "/api/messages": ["POST"], "/api/feedback": ["GET"] });
    app.use(webRouter(guide.i18n));
  };
  return {
    bot, deps, store, conversations, feedback, metrics, mount,
    close: () => store.close(),
  };
}
