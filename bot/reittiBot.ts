import { ActivityHandler, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from "botbuilder";
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from "botbuilder-dialogs";
import { z } from "zod";
import { TEXT_MAX_CHARS } from "../knowledge/limits";
import { Lang } from "../knowledge/schema";
import { isolateLatin } from "../dialogs/bidi";
import { profileLang, sayFor, type DialogDeps } from "../dialogs/deps";
import { adoptLanguage, languageButtons, suggestions } from "../dialogs/replies";
import { ballot, type Ballot } from "./feedback";

/** An answer that asks "was this helpful?": its suggested actions carry a feedback value. */
const asksFeedback = (a: Partial<Activity>) =>
  (a.suggestedActions?.actions ?? []).some((x) => typeof x.value === "object" && x.value !== null && "feedback" in x.value);

/** What the page sends with webchat/join. */
const JoinValue = z.object({ lang: Lang.optional(), chosen: z.boolean().optional(), plain: z.boolean().optional(), resumed: z.boolean().optional() });

/** The ActivityHandler: greets, runs the main dialog on each message, saves state after each turn. */
export class ReittiBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** Whether the last answer still awaits its one vote. */
  private readonly voteOpen: StatePropertyAccessor<boolean>;

  constructor(private readonly conversationState: ConversationState, private readonly dialog: Dialog, private readonly deps: DialogDeps) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>("dialogState");
    this.voteOpen = conversationState.createProperty<boolean>("voteOpen");

    this.onMessage(async (context, next) => {
      // Counted as the ask contract counts: after trimming, in UTF-16 units (zod, JavaScript).
      const length = (context.activity.text ?? "").trim().length;
      if (length > TEXT_MAX_CHARS) await this.tooLong(context, length);
      else await this.runDialog(context);
      await next();
    });
    // The Emulator and Azure channels announce a new conversation; Web Chat here sends webchat/join.
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (others.length > 0) await this.welcome(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === "webchat/join") await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const turn: Ballot = { open: await this.voteOpen.get(context, false), voted: false };
    let answered = false;
    // Every message text in Arabic or Persian gets its Latin fragments isolated, whichever dialog wrote it.
    context.onSendActivities(async (ctx, activities, next) => {
      if (activities.some(asksFeedback)) answered = true;
      const profileLanguage = profileLang(await this.deps.profile.get(ctx, {}));
      for (const a of activities) {
        if (a.type !== "message" || !a.text) continue;
        const stated = Lang.safeParse(a.locale);
        a.text = isolateLatin(a.text, stated.success ? stated.data : profileLanguage);
      }
      return next();
    });
    await ballot.run(turn, () => super.run(context));
    // One vote per answer: a vote closes the ballot, a new answer opens the next.
    if (answered) await this.voteOpen.set(context, true);
    else if (turn.voted) await this.voteOpen.set(context, false);
    await this.conversationState.saveChanges(context, false);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const set = new DialogSet(this.dialogState);
    set.add(this.dialog);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
  }

  /** Past the limit nothing is understood; the person hears the limit in the conversation's language. */
  private async tooLong(context: TurnContext, length: number): Promise<void> {
    const say = sayFor(this.deps.strings, await this.deps.profile.get(context, {}));
    await context.sendActivity(say("bot:tooLong", { max: TEXT_MAX_CHARS, count: length }));
  }

  /**
   * Greets in the conversation's language (Finnish at first) with a one-tap language choice. A page
   * whose conversation was lost joins again "resumed": the language carries over, the greeting does not.
   */
  private async welcome(context: TurnContext): Promise<void> {
    const profile = await this.deps.profile.get(context, {});
    const join = JoinValue.safeParse(context.activity.value ?? {});
    const value = join.success ? join.data : {};
    if (value.plain && value.lang === "fi") profile.plain = true;
    if (value.lang) await adoptLanguage(this.deps, context, profile, value.lang, value.resumed ? value.chosen === true : true);
    if (value.resumed) return;
    const t = sayFor(this.deps.strings, profile);
    const msg = suggestions([...languageButtons(this.deps.strings), t("bot:guidedStart")]);
    msg.text = t("bot:welcome");
    await context.sendActivity(msg);
  }
}
