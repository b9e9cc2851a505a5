// Whole-word phrase lookup: the one rule by which a model's word is "in the text". Words are runs
// of letters, digits and & + # (so "C++", "C#", "AT&T" stay whole; numbers keep their decimals
// and percent sign), compared without an "'s";
// a phrase is found only where its words stand on their own, never inside a longer word: "Java"
// is not in "JavaScript", "Scala" not in "scalable", "Rust" not in "trust", "Go" not in "going".

// A number stays one word with its decimals, thousands and percent sign: "Saved $2" is not in
// "Saved $2.5M", nor "cut costs by 40" in "cut costs by 40%".
const WORD_RE = /(?:[\p{L}\p{N}&+#]|[.,](?=\p{N})(?<=\p{N}[.,]))+%?/gu;
const POSSESSIVE_RE = /['’]s(?![\p{L}\p{N}])/gu;

/** Phrases of up to this many words are one set lookup; longer ones scan the joined words. */
const MAX_GRAM = 6;

/** The words of a text as the phrase index compares them. */
export function phraseWords(text: string, caseSensitive = false): string[] {
  const source = (caseSensitive ? text : text.toLowerCase()).replace(POSSESSIVE_RE, "");
  return source.match(WORD_RE) ?? [];
}

export interface PhraseIndex {
  /** The phrase's words appear in the text, consecutively, each a whole word. */
  has(phrase: string): boolean;
}

/** Built once per text in O(words × MAX_GRAM); each lookup costs the phrase's length. */
export function phraseIndex(text: string, options: { caseSensitive?: boolean } = {}): PhraseIndex {
  const caseSensitive = options.caseSensitive ?? false;
  const words = phraseWords(text, caseSensitive);
  const grams = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let gram = words[i];
    grams.add(gram);
    for (let n = 1; n < MAX_GRAM && i + n < words.length; n++) {
      gram += ` ${words[i + n]}`;
      grams.add(gram);
    }
  }
  let joined: string | null = null;
  return {
    has(phrase) {
      const wanted = phraseWords(phrase, caseSensitive);
      if (wanted.length === 0) return false;
      if (wanted.length <= MAX_GRAM) return grams.has(wanted.join(" "));
      joined ??= ` ${words.join(" ")} `;
      return joined.includes(` ${wanted.join(" ")} `);
    },
  };
}
