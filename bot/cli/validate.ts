// npm run validate: every content file against its schema, cross-references, the ids the code
// needs, LIITE 1 coverage, locales; then which contact facts each channel holds.
import { contactCoverage, formatCoverage } from "../../knowledge/coverage";
import { ContentError } from "../../knowledge/load";
import { checkLocales } from "../../knowledge/locales-check";
import { validateContent } from "../../knowledge/validate";

try {
  const { kb, problems } = validateContent();
  const localeProblems = checkLocales();
  const all = [...problems, ...localeProblems.errors];
  for (const w of localeProblems.warnings) process.stderr.write(`warning: ${w}\n`);
  if (all.length > 0) {
    process.stderr.write("The content has errors:\n" + all.map((p) => `  - ${p}\n`).join(""));
    process.exit(1);
  }
  process.stdout.write(`content ok: ${kb.services.size} services, ${kb.channels.size} channels, ${kb.sections.size} plan sections\n\n`);
  process.stdout.write(formatCoverage(contactCoverage(kb)));
} catch (e) {
  process.stderr.write((e instanceof ContentError ? e.message : `validate: ${(e as Error).message}`) + "\n");
  process.exit(1);
}
