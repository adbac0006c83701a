import { WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from "botbuilder-dialogs";
import { LANGS, ROLES, type Role } from "../knowledge/schema";
import { profileLang, understandTurn, type DialogDeps } from "./deps";
import { InterruptibleDialog } from "./interruptibleDialog";
import { LocalizedServicePrompt, LocalizedTextPrompt } from "./localizedPrompt";
import { MUNICIPALITY_DIALOG, MunicipalityDialog } from "./municipalityDialog";
import { answer, serviceButtons, suggestions } from "./replies";
import { ServiceChoice } from "./serviceChoice";

export const GUIDED_DIALOG = "guidedDialog";
const ROLE_PROMPT = "rolePrompt";
const NEED_PROMPT = "needPrompt";
const GUIDED_ROLES = ROLES.filter((r): r is Exclude<Role, "advisor"> => r !== "advisor");

/** Who are you → where do you live → what do you need → the answer card. Never asks what it knows. */
export class GuidedDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(GUIDED_DIALOG, deps);
    this.addDialog(new LocalizedTextPrompt(ROLE_PROMPT, deps, (say, lang, retry) => {
      const t = deps.strings.t(lang);
      const msg = suggestions(GUIDED_ROLES.map((r) => t(`bot:roles.${r}`)));
      msg.text = say(retry ? "bot:didNotUnderstand" : "bot:askRole");
      return msg;
    }, (pc) => this.validateRole(pc)));
    this.addDialog(new LocalizedServicePrompt(NEED_PROMPT, deps, (say, lang, _retry, options) => {
      const role = (options.validations as { role?: Role } | undefined)?.role;
      const msg = serviceButtons(deps.answerer.guidedOptions(role, lang));
      msg.text = say("bot:askNeed");
      return msg;
    }));
    this.addDialog(new MunicipalityDialog(deps));
    this.addDialog(new WaterfallDialog("guidedWaterfall", [
      (step) => this.askRole(step),
      (step) => this.askMunicipality(step),
      (step) => this.askNeed(step),
      (step) => this.answer(step),
    ]));
    this.initialDialogId = "guidedWaterfall";
  }

  /** A role from a button's label in any language. */
  private roleOf(text: string): Role | undefined {
    const wanted = text.trim().toLowerCase();
    for (const lang of LANGS) {
      const t = this.deps.strings.t(lang);
      for (const r of GUIDED_ROLES) if (t(`bot:roles.${r}`).toLowerCase() === wanted) return r;
    }
    return undefined;
  }

  private async validateRole(pc: PromptValidatorContext<string>): Promise<boolean> {
    return this.roleOf(pc.recognized.value ?? "") !== undefined;
  }

  private async askRole(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    if (profile.role) return step.next(profile.role);
    return step.prompt(ROLE_PROMPT, {});
  }

  private async askMunicipality(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    profile.role = typeof step.result === "string" ? this.roleOf(step.result) ?? profile.role : profile.role;
    await this.deps.profile.set(step.context, profile);
    if (profile.municipality || profile.outside) return step.next();
    return step.beginDialog(MUNICIPALITY_DIALOG, { employer: profile.role === "employer" });
  }

  private async askNeed(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    return step.prompt(NEED_PROMPT, { validations: { role: profile.role } });
  }

  private async answer(step: WaterfallStepContext) {
    const profile = await this.deps.profile.get(step.context, {});
    const lang = profileLang(profile);
    const who = { lang, municipality: profile.municipality, role: profile.role, outside: profile.outside };
    // A button carries the service's id; a typed label in any language counts too.
    const choice = ServiceChoice.safeParse(step.context.activity.value);
    const byId = choice.success ? this.deps.answerer.explain(choice.data.service, who) : undefined;
    const text = String(step.result ?? "").trim();
    const named = byId ? undefined : this.deps.answerer.guidedNamed(profile.role, text);
    const understood = byId || named ? undefined : understandTurn(this.deps, step.context);
    const response = byId ?? (named ? this.deps.answerer.explain(named, who) : undefined)
      ?? (understood ? this.deps.answerer.ask(understood, who) : undefined);
    if (response) await answer(this.deps, step.context, response);
    return step.endDialog();
  }
}
