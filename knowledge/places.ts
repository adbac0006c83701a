import { JaroWinklerDistance } from "natural/lib/natural/distance";
import type { MunicipalityId } from "./schema";
import { words } from "./text/tokenize";

/**
 * Where the person lives, from the words of a question. Finnish place names inflect
 * (Liminka → Limingassa, Hailuoto → Hailuodossa, Pudasjärvi → Pudasjärvellä), so each name is
 * a stem plus the case endings it takes; Swedish and foreign spellings are listed whole.
 */
const ENDINGS = "(n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|an|ää|aan|ään|een|seen|hin|un|on|en|in|na|nä|ksi|a|ä|lainen|laiset|läinen|läiset|laisena|läisenä)?";

function pattern(stems: string[], extra: string[] = []): RegExp {
  return new RegExp(`^(?:(?:${stems.join("|")})${ENDINGS}|${extra.join("|") || "(?!)"})$`, "u");
}

const ELEVEN: Array<[MunicipalityId, RegExp]> = [
  ["hailuoto", pattern(["hailuoto", "hailuodo", "hailuotoo"], ["karlö", "karlo", "хайлуото", "хайлуото"])],
  ["ii", pattern(["ii"], ["iissä", "iissa", "iistä", "iista", "ijo", "ии", "иі"])],
  ["kempele", pattern(["kempele", "kempelee"], ["кемпеле", "كيمبيلي", "肯佩莱"])],
  ["liminka", pattern(["liminka", "liminga", "liminkaa"], ["limingo", "лиминка", "лімінка"])],
  ["lumijoki", pattern(["lumijoki", "lumijoe", "lumijokee"], ["лумийоки", "лумійокі"])],
  ["muhos", pattern(["muhos", "muhokse", "muhoks"], ["мухос"])],
  ["oulu", pattern(["oulu", "haukipudas", "haukiputaa", "kiiminki", "kiimingi", "kiiming", "oulunsalo", "ylikiiminki", "ylikiimingi", "ylikiiming", "yliii"], ["uleåborg", "uleaborg", "оулу", "أولو", "اولو", "奥卢", "奧盧"])],
  ["pudasjarvi", pattern(["pudasjärvi", "pudasjärve", "pudasjarvi", "pudasjarve"], ["пудасъярви", "пудасʼярві"])],
  ["tyrnava", pattern(["tyrnävä", "tyrnävää", "tyrnava"], ["тюрнявя"])],
  ["utajarvi", pattern(["utajärvi", "utajärve", "utajarvi", "utajarve"], ["утаярви"])],
  ["vaala", pattern(["vaala", "vaalaa"], ["ваала"])],
];

// Municipalities and regions outside the eleven that people in the area name most often.
const OUTSIDE = pattern([
  "helsin(?:ki|gi)", "espoo", "vantaa", "tamper(?:e|ee)", "turu", "turku", "jyväskylä", "kuopio", "lah(?:ti|de)",
  "rovanie(?:mi|me)", "kajaani", "raahe", "raahee", "kuusamo", "ylivieska", "kokkola", "joensuu", "lappeenran(?:ta|na)",
  "pori", "hämeenlinna", "mikkeli", "kotka", "porvoo", "rauma", "seinäjo(?:ki|e)", "vaasa", "kemi", "tornio",
  "kemijärv(?:i|e)", "sodankylä", "kittilä", "inari", "taivalkoske?", "posio", "simo", "siikajoe?", "siikajoki", "oulainen", "oulaise",
  "nivala", "haapavede?", "haapavesi", "kalajoe?", "kalajoki", "pyhäjärve?", "pyhäjärvi", "pyhäntä", "puolanga?", "puolanka",
  "suomussalme?", "suomussalmi", "paltamo", "ranua", "keminmaa", "tervola", "kerava", "järvenpää", "nurmijärve?", "nurmijärvi",
  "pietarsaari", "pietarsaare", "jakobstad",
], ["helsingfors", "tammerfors", "åbo", "vasa"]);

// Words that mark where someone lives ("asun", "bor", "live"), in the twelve languages.
const RESIDENCE = /^(asun|asumme|asuu|asunut|muutin|muutan|muutimme|muutamme|moved|moving|flyttade|flyttar|kolisin|kolin|kotikunta\w*|bor|bosatt|hemkommun|live|living|lives|resident|живу|мешкаю|проживаю|elan|elame|yaşıyorum|oturuyorum|sống|住在|أسكن|أعيش|ساکن|زندگی|deganahay|nool)$/u;

/** The municipalities' own names: proper names, written the same in every language of the buttons. */
export const MUNICIPALITY_NAMES: Record<MunicipalityId, string> = {
  hailuoto: "Hailuoto", ii: "Ii", kempele: "Kempele", liminka: "Liminka", lumijoki: "Lumijoki", muhos: "Muhos",
  oulu: "Oulu", pudasjarvi: "Pudasjärvi", tyrnava: "Tyrnävä", utajarvi: "Utajärvi", vaala: "Vaala",
};

export interface PlaceMention {
  municipality?: MunicipalityId;
  /** True when the person says they live outside the eleven municipalities. */
  outside: boolean;
}

/** Whether one word names a place: one of the eleven, or somewhere else in Finland. */
export function isPlaceWord(w: string): boolean {
  return ELEVEN.some(([, re]) => re.test(w)) || OUTSIDE.test(w);
}

// Long names that people misspell ("Kempelesä", "Limingasa", "Pudasjärvelä"). Short ones
// (Ii, Oulu, Vaala, Muhos) are left out: "vaaleissa" (in the elections) is not Vaala.
const MISSPELLABLE: Array<[MunicipalityId, string]> = [
  ["kempele", "kempele"], ["liminka", "liminga"], ["liminka", "liminka"], ["lumijoki", "lumijoki"], ["lumijoki", "lumijoe"],
  ["pudasjarvi", "pudasjärv"], ["tyrnava", "tyrnävä"], ["utajarvi", "utajärv"], ["hailuoto", "hailuoto"], ["hailuoto", "hailuodo"],
];

function misspelled(w: string): MunicipalityId | undefined {
  if (w.length < 7) return undefined;
  for (const [id, stem] of MISSPELLABLE) {
    if (w.slice(0, 3) !== stem.slice(0, 3)) continue;
    if (JaroWinklerDistance(w.slice(0, stem.length), stem, {}) >= 0.93) return id;
  }
  return undefined;
}

export function findPlace(text: string): PlaceMention {
  // Yli-Ii is part of Oulu, not Ii.
  const ws = words(text.replace(/yli-ii/giu, "yliii"));
  const eleven = (w: string, next?: string) =>
    // "Oulun seutu" is the whole area, not the city.
    /^oulu/.test(w) && /^(seu|alue|työllisyysalue)/.test(next ?? "") ? undefined : ELEVEN.find(([, re]) => re.test(w))?.[0];
  const cued = (i: number) => ws.slice(Math.max(0, i - 3), i).some((w) => RESIDENCE.test(w));

  // Where someone says they live wins over any other place they name
  // ("I live in Vantaa and want a course in Oulu").
  for (let i = 0; i < ws.length; i++) {
    if (!cued(i)) continue;
    const id = eleven(ws[i], ws[i + 1]);
    if (id) return { municipality: id, outside: false };
    if (OUTSIDE.test(ws[i])) return { outside: true };
  }
  for (let i = 0; i < ws.length; i++) {
    const id = eleven(ws[i], ws[i + 1]);
    if (id) return { municipality: id, outside: false };
  }
  for (const w of ws) {
    const id = misspelled(w);
    if (id) return { municipality: id, outside: false };
  }
  for (let i = 0; i < ws.length; i++) {
    if (!OUTSIDE.test(ws[i])) continue;
    // A Finnish locative ("Tampereella", "Helsingissä") usually tells where one lives; "töitä Helsingissä" does not.
    const locative = /(ssa|ssä|lla|llä)$/.test(ws[i]) && !ws.slice(Math.max(0, i - 2), i).some((w) => /^(tö|työ|duuni|job)/.test(w));
    if (locative) return { outside: true };
  }
  return { outside: false };
}
