import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { localesDir } from "./paths";
import { LANGS } from "./schema";

function keys(obj: unknown, prefix = ""): string[] {
  if (obj && typeof obj === "object" && !Array.isArray(obj)) return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/**
 * Every English string must exist in fi and sv (errors) and in the other nine languages
 * (warnings until their translation lands: i18next falls back to English meanwhile).
 */
export function checkLocales(dir = localesDir()): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const enDir = join(dir, "en");
  for (const file of readdirSync(enDir).filter((f) => f.endsWith(".json"))) {
    const enKeys = keys(JSON.parse(readFileSync(join(enDir, file), "utf8")));
    for (const lang of LANGS) {
      if (lang === "en") continue;
      const path = join(dir, lang, file);
      const strict = lang === "fi" || lang === "sv";
      const report = strict ? errors : warnings;
      if (!existsSync(path)) {
        report.push(`locales/${lang}/${file}: missing`);
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(path, "utf8"));
      } catch (e) {
        errors.push(`locales/${lang}/${file}: not valid JSON: ${(e as Error).message}`);
        continue;
      }
      const have = new Set(keys(data));
      const missing = enKeys.filter((k) => !have.has(k));
      if (missing.length > 0) report.push(`locales/${lang}/${file}: missing ${missing.join(", ")}`);
    }
  }
  return { errors, warnings };
}
