// Every tunable of the understanding in one place, with why it has its value.
export const UNDERSTANDING = {
  /** Below this the guide offers suggestions beside its guess. */
  suggestBelow: 0.5,
  /** Below this it does not guess a service at all. */
  guessFloor: 0.25,
  /** A question with no work word (domain.yaml) and a weaker match than this is about something else. */
  outOfDomainBelow: 0.5,
  /** An example this similar shows the question is about a service even without a domain word. */
  exampleInDomain: 0.4,
  /** ...or this similar, when the word ranking names the same service first: two readings agree. */
  agreeInDomain: 0.22,
  classifier: {
    /** n-grams in more than 3% of examples ("ion", " ja ") say little and cost most of the time. */
    maxDocShare: 0.03,
    secondWeight: 0.5,
  },
  /** Weight of the lunr ranking beside the example classifier's cosine (tuned on the development sets). */
  lunrWeight: 0.5,
  /** Each hit of the word ranking counts as its leader's strength times (score / leader's score) to this power. */
  lunrRelative: 1,
  /** Added when the question says a service's title in full. */
  titleNamedBonus: 0.1,
  /** How many of each ranking's leaders are combined. */
  combineTop: 15,
  /** A service only for immigrants, for a person nothing marks as one (Finnish, no immigrant words). */
  immigrantOnlyPrior: 0.85,
  /** Small talk wins when its best example beats the best service example by this much... */
  smallTalkMargin: 0.05,
  /** ...and, against a confident word match, by this much. */
  smallTalkClearMargin: 0.2,
  /** ...and is at least this similar. */
  smallTalkFloor: 0.3,
  /**
   * ...and the message is at most this many words: small talk is short (the examples' longest has
   * eight), and a longer message that says where one lives also says what one needs.
   */
  smallTalkMaxWords: 10,
} as const;

/** The word ranking's tunables (knowledge/search/): field weights and how a query term was found. */
export const SEARCH = {
  /** How much a term counts by the field it is in. */
  fields: { title: 3, keywords: 2.5, parts: 0.8, summary: 0.8 },
  /** A query term found as itself... */
  exact: 1,
  /** ...as the start of a longer index term ("palkkatu" → "palkkatuki")... */
  prefix: 0.8,
  /** ...as a known piece of an unknown compound ("työkokeilupaikka" → "työkokeilu")... */
  piece: 0.6,
  /** ...or one typo away from a known word. */
  typo: 0.6,
  /** Added when the question names a service outright: every word of one of its titles... */
  nameBonus: 6,
  /** ...or says one of its keyword phrases in full ("työtä kokeilemaan", "laid off"). */
  phraseBonus: 4,
  /** A Finnish title inside another language was copied from a letter: its bonus is multiplied by this. */
  borrowedNameFactor: 2,
  /** A word the catalogue does not know at all counts half: often filler, dialect or a typo. */
  unknownWordWeight: 0.5,
  /** Only this many leaders are checked for names said in full. */
  namedLeaders: 12,
  /** Words analysed and expanded are remembered, up to this many bytes (keys and entries together). */
  wordMemoBytes: 2_000_000,
} as const;

/** Language detection (knowledge/lang/detect.ts). */
export const DETECT = {
  /** Each word's language votes are remembered, up to this many bytes. */
  wordMemoBytes: 1_000_000,
} as const;

/** Rendered answers (knowledge/guide.ts). */
export const RENDER = {
  /**
   * An answer's text and structure depend only on the service, the route, the language and the
   * services offered beside it, so each combination is rendered once and kept, up to this many bytes.
   */
  answerMemoBytes: 4_000_000,
} as const;

/** Start-up warm-up of the answer path (knowledge/warmup.ts). */
export const WARM_UP = {
  /** Example phrasings asked per language: 25 × 12 took about 0.6 s and halved the cost of the next few hundred questions. */
  perLanguage: 25,
} as const;
