import { ActivityHandler, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from "botbuilder";
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from "botbuilder-dialogs";
import { Lang, LANGS } from "../knowledge/schema";
import { profileLang, type DialogDeps } from "../dialogs/deps";
import { adoptLanguage, suggestions } from "../dialogs/replies";
import { ballot, type Ballot } from "./feedback";

/** An answer that asks "was this helpful?": its suggested actions carry a feedback value. */
const asksFeedback = (a: Partial<Activity>) =>
  (a.suggestedActions?.actions ?? []).some((x) => typeof x.value === "object" && x.value !== null && "feedback" in x.value);

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
      await this.runDialog(context);
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
    context.onSendActivities(async (_ctx, activities, next) => {
      if (activities.some(asksFeedback)) answered = true;
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

  /** Greets in the conversation's language (Finnish at first) with a one-tap language choice. */
  private async welcome(context: TurnContext): Promise<void> {
    const profile = await this.deps.profile.get(context, {});
    const requested = Lang.safeParse((context.activity.value as { lang?: string } | undefined)?.lang);
    if (requested.success) await adoptLanguage(this.deps, context, profile, requested.data, true);
    const t = this.deps.guide.t(profileLang(profile));
    const msg = suggestions([...LANGS.map((l) => this.deps.guide.t(l)("bot:language.name")), t("bot:guidedStart")]);
    msg.text = t("bot:welcome");
    await context.sendActivity(msg);
  }
}
