// Cuts streamed text into sentences as it arrives, so each can be checked before anyone sees it.
// A sentence ends after . ! or ? followed by whitespace (not after "Ms.", "e.g." or an initial),
// or at a line break; the whitespace that follows starts the next piece, and a blank line is never
// a piece of its own. Each character is looked at once and the unreleased text is kept as a list
// of chunks (joined once, when its sentence ends), so the work is linear in the text however it is
// chunked: appending to one growing string and indexing it would copy it on every chunk.

// Their full stop does not end a sentence (the grounding check reads "Ms. Patel" as one name).
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "mt", "messrs", "sr", "jr", "vs", "etc", "eg", "ie", "no", "approx"]);
/** Longer words are never abbreviations, so the current word is kept only up to this length. */
const MAX_WORD = 16;

const isSpace = (ch: string) => ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u00a0";
const OPENERS = /^[("'<[“‘]+/u;

function isAbbreviation(word: string): boolean {
  const raw = word.replace(OPENERS, "");
  if (!raw || !/^[\p{L}.]+$/u.test(raw)) return false; // "$2.5M." ends a sentence
  // Initials and dotted abbreviations ("J. Smith", "U.S.", "e.g.") do not.
  return raw.includes(".") || raw.length === 1 || ABBREVIATIONS.has(raw.toLowerCase());
}

export interface SentenceSplitter {
  /** Adds streamed text; returns the sentences it completed (together they are a prefix of the text). */
  push(delta: string): string[];
  /** The text after the last complete sentence (call when the stream has ended). */
  rest(): string;
}

export function sentenceSplitter(): SentenceSplitter {
  let pending: string[] = [];
  /** The pending text is only whitespace so far. */
  let blank = true;
  /** The current word (up to MAX_WORD characters; `longWord` when it was longer). */
  let word = "";
  let longWord = false;
  /** The previous character was . ! or ? and whether it ends the sentence depends on this one. */
  let undecided: { abbreviation: boolean } | null = null;

  return {
    push(delta) {
      const out: string[] = [];
      let from = 0;
      const cut = (at: number) => {
        pending.push(delta.slice(from, at));
        out.push(pending.join(""));
        pending = [];
        from = at;
        blank = true;
      };
      for (let j = 0; j < delta.length; j++) {
        const ch = delta[j];
        const space = isSpace(ch);
        if (undecided) {
          if (space && !undecided.abbreviation) cut(j);
          undecided = null;
        }
        if (ch === "." || ch === "!" || ch === "?") undecided = { abbreviation: ch === "." && !longWord && isAbbreviation(word) };
        if (space) {
          word = "";
          longWord = false;
        } else if (word.length < MAX_WORD) word += ch;
        else longWord = true;
        blank &&= space;
        if (ch === "\n" && !blank) cut(j + 1);
      }
      if (from < delta.length) pending.push(delta.slice(from));
      return out;
    },
    rest() {
      return pending.join("");
    },
  };
}
