import type { Activity, TurnContext } from "botbuilder";
import { TextPrompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from "botbuilder-dialogs";
import type { Lang } from "../knowledge/schema";
import { profileLang, sayFor, type DialogDeps, type Say } from "./deps";
import { ServiceChoice } from "./serviceChoice";

/** Builds a prompt's message in a language; `options.validations` carries the step's own facts. */
export type PromptBuilder = (say: Say, lang: Lang, retry: boolean, options: PromptOptions) => Partial<Activity>;

/**
 * A text prompt whose question is written when it is shown, in the conversation's language at that
 * moment: after "in English please" in the middle of a question, the question comes again in English.
 */
export class LocalizedTextPrompt extends TextPrompt {
  constructor(id: string, private readonly deps: DialogDeps, private readonly build: PromptBuilder, validator?: PromptValidator<string>) {
    super(id, validator);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const profile = await this.deps.profile.get(context, {});
    await context.sendActivity(this.build(sayFor(this.deps.strings, profile), profileLang(profile), isRetry, options));
  }
}

/** A question answered with a service: a button's `{ service: id }` counts even where a channel sends no text with it. */
export class LocalizedServicePrompt extends LocalizedTextPrompt {
  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    if (ServiceChoice.safeParse(context.activity.value).success) return { succeeded: true, value: (context.activity.text ?? "").trim() };
    return super.onRecognize(context, state, options);
  }
}
