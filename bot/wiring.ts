import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState,
  type TurnContext,
} from "botbuilder";
import express, { type Express } from "express";
import { z } from "zod";
import { CommandRecognizer } from "../knowledge/commands";
import type { Guide } from "../knowledge/guide";
import { profileLang, type DialogDeps, type Profile } from "../dialogs/deps";
import { MainDialog } from "../dialogs/mainDialog";
import { sendError } from "./api";
import { ConversationStore, DirectLineAdapter, directLineRouter } from "./directline";
import { ExpiringMemoryStorage } from "./expiringStorage";
import { FeedbackCounter } from "./feedback";
import { log } from "./log";
import { ReittiBot } from "./reittiBot";
import { webRouter } from "./webRoutes";

/** The fields every Bot Framework activity must carry for the adapter to handle it. */
const BotActivity = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
}).loose();

export interface Wired {
  bot: ReittiBot;
  deps: DialogDeps;
  storage: ExpiringMemoryStorage;
  conversations: ConversationStore;
  feedback: FeedbackCounter;
  mount: (app: Express) => void;
  close: () => void;
}

/** Builds storage, state, recognizer and dialogs once, and hands them in through constructors. */
export function wire(guide: Guide, env: NodeJS.ProcessEnv = process.env): Wired {
  const storage = new ExpiringMemoryStorage(30 * 60_000);
  const conversationState = new ConversationState(storage);
  const feedback = new FeedbackCounter();
  const deps: DialogDeps = {
    guide,
    commands: new CommandRecognizer(guide.i18n),
    profile: conversationState.createProperty<Profile>("profile"),
    feedback,
  };
  const bot = new ReittiBot(conversationState, new MainDialog(deps), deps);

  const onTurnError = async (context: TurnContext, error: Error) => {
    log("turn-error", { message: error.message });
    const lang = profileLang(await deps.profile.get(context, {}).catch(() => ({})));
    await context.sendActivity(guide.t(lang)("bot:error")).catch(() => undefined);
    await conversationState.delete(context).catch(() => undefined);
  };

  // Bot Framework channels (Emulator, Azure Bot Service). With no app id, authentication is off:
  // fine on a developer's machine, never in production.
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: env.MicrosoftAppId ?? env.MICROSOFT_APP_ID,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? env.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: env.MicrosoftAppType ?? env.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId ?? env.MICROSOFT_APP_TENANT_ID,
  });
  const cloud = new CloudAdapter(auth);
  cloud.onTurnError = onTurnError;
  if (!(env.MicrosoftAppId ?? env.MICROSOFT_APP_ID)) log("warning", { message: "MicrosoftAppId is not set: /api/messages accepts unauthenticated requests" });

  const conversations = new ConversationStore();
  const directLine = new DirectLineAdapter(conversations);
  directLine.onTurnError = onTurnError;

  const mount = (app: Express) => {
    app.post("/api/messages", express.json({ limit: "256kb" }), async (req, res) => {
      // The adapter throws on an activity without these; answer the caller's mistake as a 400.
      const checked = BotActivity.safeParse(req.body);
      if (!checked.success) {
        const field = checked.error.issues[0].path.join(".") || "body";
        return sendError(res, 400, "invalid_field", `Field "${field}": ${checked.error.issues[0].message}.`, field);
      }
      await cloud.process(req, res, (context) => bot.run(context));
    });
    app.use("/v3/directline", directLineRouter(conversations, directLine, (context) => bot.run(context)));
    app.get("/api/feedback", (_req, res) => {
      res.json({ yes: feedback.yes, no: feedback.no });
    });
    app.use(webRouter(guide.i18n));
  };
  return {
    bot, deps, storage, conversations, feedback, mount,
    close: () => {
      storage.close();
      conversations.close();
    },
  };
}
