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
} as const;
