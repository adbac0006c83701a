import { RTL_LANGS, type Lang } from "../knowledge/schema";

const FSI = "\u2068";
const PDI = "\u2069";
// A run of Latin-script words, numbers and the punctuation between them: "Hallituskatu 36, Oulu",
// "https://businessasema.com", "2.4, 2.6.3".
const LATIN_RUN = /\(?[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}\p{Zs}.,:;/\-–'’&+@=%#_()]*/gu;

/** Trims what should stay outside a run: trailing spaces and punctuation, an unmatched ")". */
function tidy(run: string): string {
  let r = run.replace(/[\p{Zs}.,:;\-–]+$/u, "");
  const open = (r.match(/\(/g) ?? []).length;
  let close = (r.match(/\)/g) ?? []).length;
  while (close > open && r.endsWith(")")) {
    r = r.slice(0, -1).replace(/[\p{Zs}.,:;\-–]+$/u, "");
    close--;
  }
  return r;
}

/**
 * In Arabic and Persian text, each Latin fragment ("(katutaso / street level)", "BusinessAsema",
 * section numbers) is wrapped in first-strong isolates (U+2068 … U+2069), so the browser lays it
 * out as one left-to-right piece instead of reordering its parts. Other languages are untouched.
 */
export function isolateLatin(text: string, lang: Lang): string {
  // Text that has its isolates already is left as it is: isolates inside isolates help nobody.
  if (!RTL_LANGS.includes(lang) || !text || text.includes(FSI)) return text;
  return text.replace(LATIN_RUN, (match) => {
    const run = tidy(match);
    return run ? `${FSI}${run}${PDI}${match.slice(run.length)}` : match;
  });
}
