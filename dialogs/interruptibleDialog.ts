import type { TurnContext } from "botbuilder";
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from "botbuilder-dialogs";
import { LANGS } from "../knowledge/schema";
import { profileLang, type DialogDeps } from "./deps";
import { adoptLanguage, suggestions } from "./replies";

/**
 * Catches help, start over, change language and talk to a person before any step runs, at any
 * depth of the conversation (the core-bot sample's CancelAndHelpDialog, in twelve languages).
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
    const text = context.activity.type === "message" ? context.activity.text ?? "" : "";
    const found = text ? this.deps.commands.recognizeWithLanguage(text) : undefined;
    if (!found || found.command.type === "guided") return undefined;
    const command = found.command;
    const profile = await this.deps.profile.get(context, {});
    // Until someone chooses a language, the language of their command is the conversation's.
    if (!profile.langChosen && found.lang !== profile.lang && command.type !== "language") {
      await adoptLanguage(this.deps, context, profile, found.lang, false);
    }
    // After a side answer, a prompt that was waiting asks again; with nothing waiting the turn ends.
    const resume = async (): Promise<DialogTurnResult> => {
      if (inProgress) {
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      return { status: DialogTurnStatus.complete };
    };
    const t = this.deps.guide.t(profileLang(profile));

    switch (command.type) {
      case "help":
        await context.sendActivity(t("bot:help"));
        return resume();
      case "human":
        await context.sendActivity(t("bot:human"));
        return resume();
      case "restart": {
        await this.deps.profile.set(context, { lang: profile.lang, langChosen: profile.langChosen });
        await innerDc.cancelAllDialogs();
        const msg = suggestions([t("bot:guidedStart")]);
        msg.text = t("bot:restarted");
        await context.sendActivity(msg);
        return { status: DialogTurnStatus.complete };
      }
      case "language":
        if (!command.lang) {
          await sendLanguageChoice(this.deps, context);
          return { status: inProgress ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
        }
        await adoptLanguage(this.deps, context, profile, command.lang, true);
        await context.sendActivity(this.deps.guide.t(command.lang)("bot:languageSet"));
        return resume();
    }
  }
}

/** Twelve buttons, each language named in itself; tapping one is a "switch to" command. */
export async function sendLanguageChoice(deps: DialogDeps, context: TurnContext): Promise<void> {
  const lang = profileLang(await deps.profile.get(context, {}));
  const msg = suggestions(LANGS.map((l) => deps.guide.t(l)("bot:language.name")));
  msg.text = deps.guide.t(lang)("bot:chooseLanguage");
  await context.sendActivity(msg);
}

