import type { PlaceMention } from "./places";
import type { Lang, MunicipalityId, Role } from "./schema";
import { foldArabicLetters } from "./text/tokenize";

/**
 * Who is asking, as far as the message and the conversation tell: the plan routes by the person
 * (where they live, where their company is, whether they are a foreign-language client), never by
 * the language they happen to write in.
 */
export interface Person {
  role?: Role;
  /** Where the person lives, when one of the eleven. */
  home?: MunicipalityId;
  /** The person says they live outside the eleven municipalities. */
  outside: boolean;
  /** Where an employer's company is, when the message says so. */
  company?: MunicipalityId;
  /** The company is outside the eleven. */
  companyOutside: boolean;
  /** Planning to move to the area (plan 3.2.2: International House serves them). */
  movingHere: boolean;
  /** A foreign-language client (vieraskielinen): decides walk-in at International House (plan 5.1). */
  foreignLanguage: boolean;
  /** Channel ids the message names ("voiko BusinessAsemalle mennä ilman ajanvarausta?"). */
  named: string[];
}

// Words that show the person speaks as a Finnish or Swedish speaker whatever language they type in.
const FINNISH_SPEAKER = /\b(finnish citizen|finnish national|i am finnish|i'm finnish|im finnish|born in finland|suomen kansalai|olen suomalainen|syntyperäinen|finsk medborgare|jag är finländsk|jag är finsk)/u;

// Someone (the person or the one they ask for) who does not use Finnish or Swedish with the services:
// a foreign-language client, whatever language the message is in ("vaimo ei puhu vielä suomea").
const NO_FINNISH = /(\b(?:e[ni]|eikä|emme|eivät) (?:vielä |kovin |hyvin |juuri |juurikaan |oikein )?(?:puhu|osaa|ymmärrä)\p{L}* (?:vielä |kovin |hyvin |juuri |juurikaan |oikein )?(?:suome|suomen kiel)|huono(?:lla)? suome|englanniksi|englannin kielellä|muulla kielellä kuin suome|(?:talar|pratar|kan|förstår) (?:inte|ännu inte|inte ännu|dålig|bara) (?:\p{L}+ )?(?:finska|engelska|arabiska|ryska|somaliska)|på engelska|(?:don't|do not|doesn't|does not|dont|doesnt|can't|cannot) (?:yet )?(?:speak|understand|know) (?:any |much |good )?finnish|no finnish|in english)/u;

/** Channels a person can name, by the words they use for them: asking about BusinessAsema is asking about it. */
const NAMED_CHANNELS: ReadonlyArray<[id: string, pattern: RegExp]> = [["businessasema", /business[- ]?asem/u]];

// Words that show an immigrant, in any of the twelve languages.
const IMMIGRANT = /(maahanmuutt|kotoutu|oleskelulu|pakolai|immigra|refugee|asylum|residence permit|integration plan|invandr|flykting|uppehållstillstånd|мигрант|иммигрант|беженц|біженц|вид на жительство|посвідк|pagulane|elamisluba|لاجئ|مهاجر|پناهنده|اقامت|qaxooti|soo galooti|难民|移民|居留|người nhập cư|tị nạn|göçmen|mülteci|oturma izni)/u;

// Plans to move into the area ("suunnittelen muuttoa Ouluun", "moving to Oulu next month").
const MOVING = /(muuttoa|muuttamassa|aion muuttaa|aikomus muuttaa|haluaisin muuttaa|muutan|muutamme|muuttaisin|ollaan muuttamassa|flyttar hit|ska flytta|kolime|kolin|chuyển sang|sắp chuyển|chuyen sang|ننتقل|بدنا ننتقل|سننتقل|بیایم|میخوایم بیایم|می‌خواهیم بیاییم|要搬|准备搬|打算搬|搬过去|搬过来|搬家|u soo guuri|taşın|tasin|planning to move|plan to move|planning a move|moving to|will move to|going to move|relocat|consider(?:ing)? moving|flytta till|flyttar till|planerar att flytta|переехать|переезжа|переезд|переїхати|переїжджа|переїзд|kolida|kolin|kolimas|الانتقال إلى|أنتقل|انتقل إلى|اسباب‌کشی|اسباب کشی|نقل مکان|مهاجرت به|u guuro|u guurayo|guuritaan|搬到|搬去|移居|chuyển đến|chuyển tới|chuyen den|taşınmak|taşınıyorum|taşınmayı|tasinmak)/u;

// Words that mark a company ("yritykseni on Limingassa", "our company in Kempele").
// Matched against normalised words (Arabic ك and ي folded as the tokenizer folds them).
const COMPANY = new RegExp(foldArabicLetters(String.raw`^(yritys|yrityks\p{L}*|firma\p{L}*|yhtiö\p{L}*|toimipaik\p{L}*|company|business|firm|shop|restaurant|office|företag\p{L}*|bolag\p{L}*|компани\p{L}*|фирм\p{L}*|предприяти\p{L}*|бизнес\p{L}*|підприєм\p{L}*|ettevõt\p{L}*|شركت\p{L}*|شركة|shirkad\p{L}*|ganacsi\p{L}*|公司|企业|şirket\p{L}*|işletme\p{L}*)$`), "u");

const RESIDENCE_LANGS: ReadonlySet<Lang> = new Set(["fi", "sv"]);

export interface PersonInput {
  text: string;
  /** The language the person writes in (not the one they asked the answer in). */
  written: Lang;
  place: PlaceMention;
  /** Given by the caller or remembered from the conversation. */
  role?: Role;
  municipality?: MunicipalityId;
  knownOutside?: boolean;
}

/** Reads who is asking from a message and what the conversation already knows. */
export function readPerson(input: PersonInput): Person {
  const lower = input.text.toLowerCase();
  const finnishSpeaker = FINNISH_SPEAKER.test(lower);
  const immigrant = input.role === "immigrant" || IMMIGRANT.test(lower);
  const outside = !input.municipality && !input.place.municipality && (input.place.outside || input.knownOutside === true);
  // "Asun Tampereella ja suunnittelen muuttoa Ouluun": lives elsewhere, moving here.
  const destination = input.place.municipality ?? input.place.also;
  const movingHere = !input.municipality && MOVING.test(lower) && (destination !== undefined || /oulu/u.test(lower));
  const company = input.place.company;
  return {
    role: input.role ?? (immigrant ? "immigrant" : undefined),
    home: input.municipality ?? (movingHere ? destination : input.place.municipality),
    outside: outside && !movingHere,
    company: company?.municipality,
    companyOutside: company?.outside === true && !company.municipality,
    movingHere,
    foreignLanguage: !finnishSpeaker && (immigrant || !RESIDENCE_LANGS.has(input.written) || NO_FINNISH.test(lower)),
    named: NAMED_CHANNELS.filter(([, p]) => p.test(lower)).map(([id]) => id),
  };
}

/** Whether a word says "company" in one of the twelve languages. */
export const isCompanyWord = (w: string): boolean => COMPANY.test(w);
