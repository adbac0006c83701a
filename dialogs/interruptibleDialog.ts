import { ActionTypes, MessageFactory, type TurnContext } from "botbuilder";
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from "botbuilder-dialogs";
import { z } from "zod";
import { tellsLanguage } from "../knowledge/commands";
import { MunicipalityId, type Lang } from "../knowledge/schema";
import { profileLang, sayFor, understandTurn, type DialogDeps, type Profile } from "./deps";
import { personReply } from "./person";
import { adoptLanguage, languageButtons, serviceButtons, suggestions } from "./replies";
import { ServiceChoice } from "./serviceChoice";

/** What the buttons under answers post back (no text is shown for them). */
const ActionValue = z.union([
  z.object({ feedback: z.enum(["yes", "no"]) }),
  z.object({ next: z.enum(["rephrase", "related", "human"]) }),
  z.object({ person: z.union([MunicipalityId, z.literal("outside")]) }),
]);
type ActionValue = z.infer<typeof ActionValue>;

/**
 * Catches help, start over, change language, talk to a person and thanks before any step runs, at
 * any depth of the conversation (the core-bot sample's CancelAndHelpDialog, in twelve languages),
 * and the buttons under answers: feedback and the next steps after "not helpful".
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc, false)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc, true)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext, inProgress: boolean): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    // After a side answer, a prompt that was waiting asks again; with nothing waiting the turn ends.
    const resume = async (): Promise<DialogTurnResult> => {
      if (inProgress) {
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      return { status: DialogTurnStatus.complete };
    };
    const action = ActionValue.safeParse(context.activity.value);
    if (context.activity.type === "message" && action.success) {
      await this.act(context, action.data);
      return resume();
    }

    // A service button's label is a choice, not a command.
    if (ServiceChoice.safeParse(context.activity.value).success) return undefined;
    const found = understandTurn(this.deps, context)?.command;
    if (!found || found.command.type === "guided") return undefined;
    const command = found.command;
    const profile = await this.deps.profile.get(context, {});
    // A command changes the conversation's language only when its words say the language clearly:
    // "puhu ihmiselle" does, "help" or "ok" does not (people of many languages write them).
    if (!profile.langChosen && tellsLanguage(found, profile.lang !== undefined) && found.lang !== profileLang(profile) && command.type !== "language") {
      await adoptLanguage(this.deps, context, profile, found.lang, false);
    }
    const lang = profileLang(profile);
    const t = sayFor(this.deps.strings, profile);

    switch (command.type) {
      case "help":
        await context.sendActivity(t("bot:help"));
        return resume();
      case "human":
        await context.sendActivity(personReply(this.deps, lang, profile));
        return resume();
      case "thanks": {
        const msg = suggestions([t("bot:guidedStart")]);
        msg.text = t("bot:thanksReply");
        await context.sendActivity(msg);
        return resume();
      }
      case "restart": {
        await this.deps.profile.set(context, { lang: profile.lang, langChosen: profile.langChosen, plain: profile.plain });
        await innerDc.cancelAllDialogs();
        const msg = suggestions([t("bot:guidedStart")]);
        msg.text = t("bot:restarted");
        await context.sendActivity(msg);
        return { status: DialogTurnStatus.complete };
      }
      case "language": {
        if (!command.lang) {
          await sendLanguageChoice(this.deps, context);
          return { status: inProgress ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
        }
        profile.plain = command.plain === true;
        await adoptLanguage(this.deps, context, profile, command.lang, true);
        const set = sayFor(this.deps.strings, profile);
        // A waiting question comes again in the new language; with none, the options stay a tap away.
        const msg = inProgress ? MessageFactory.text(set("bot:languageSet")) : suggestions([set("bot:guidedStart")]);
        msg.text = set("bot:languageSet");
        await context.sendActivity(msg);
        return resume();
      }
    }
  }

  /** The buttons under answers: feedback, and what to do when an answer did not help. */
  private async act(context: TurnContext, value: ActionValue): Promise<void> {
    const profile = await this.deps.profile.get(context, {});
    const lang = profileLang(profile);
    const t = sayFor(this.deps.strings, profile);
    if ("feedback" in value) {
      this.deps.feedback.record(value.feedback === "yes");
      if (value.feedback === "yes") {
        const msg = suggestions([t("bot:guidedStart")]);
        msg.text = t("bot:feedbackThanks");
        await context.sendActivity(msg);
        return;
      }
      const msg = MessageFactory.suggestedActions((["rephrase", "related", "human"] as const).map((next) => ({
        type: ActionTypes.PostBack, title: t(`bot:next.${next}`), value: { next },
      })));
      msg.text = t("bot:feedbackSorry");
      await context.sendActivity(msg);
      return;
    }
    if ("person" in value) {
      if (value.person === "outside") Object.assign(profile, { outside: true, municipality: undefined });
      else Object.assign(profile, { municipality: value.person, outside: false });
      await this.deps.profile.set(context, profile);
      await context.sendActivity(personReply(this.deps, lang, profile));
      return;
    }
    if (value.next === "human") {
      await context.sendActivity(personReply(this.deps, lang, profile));
      return;
    }
    if (value.next === "rephrase") {
      await context.sendActivity(t("bot:rephraseHint"));
      return;
    }
    await context.sendActivity(relatedMessage(this.deps, lang, profile));
  }
}

function relatedMessage(deps: DialogDeps, lang: Lang, profile: Profile) {
  const t = sayFor(deps.strings, profile);
  const related = profile.lastService ? deps.answerer.related(profile.lastService, lang) : [];
  const titles = related.map((o) => o.label);
  const msg = serviceButtons(related, [t("bot:guidedStart")]);
  msg.text = titles.length > 0 ? `${t("bot:relatedTitle")}\n\n${titles.map((x) => `- ${x}`).join("\n")}` : t("bot:relatedNone");
  msg.locale = lang;
  return msg;
}

/** Twelve buttons, each language named in itself; tapping one is a "switch to" command. */
export async function sendLanguageChoice(deps: DialogDeps, context: TurnContext): Promise<void> {
  const msg = suggestions(languageButtons(deps.strings));
  msg.text = sayFor(deps.strings, await deps.profile.get(context, {}))("bot:chooseLanguage");
  await context.sendActivity(msg);
}
