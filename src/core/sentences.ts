// Cuts streamed text into sentences as it arrives, so each can be checked before anyone sees it.
// A sentence ends after . ! or ? followed by whitespace (not after "Ms." or "e.g."), or at a line
// break; the whitespace after it goes with it. Every character is scanned once: O(text) in all.

// Their full stop does not end a sentence (the grounding check reads "Ms. Patel" as one name).
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "mt", "messrs", "sr", "jr", "vs", "etc", "eg", "ie", "no", "approx"]);

const isSpace = (ch: string) => ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u00a0";

export interface SentenceSplitter {
  /** Adds streamed text; returns the sentences it completed (together they are a prefix of the text). */
  push(delta: string): string[];
  /** The text after the last complete sentence (call when the stream has ended). */
  rest(): string;
}

export function sentenceSplitter(): SentenceSplitter {
  let buffer = "";
  /** Start of the sentence being read. */
  let start = 0;
  /** Next character to scan. */
  let scan = 0;
  /** Start of the current word and whether it has held only letters and dots (for abbreviations). */
  let wordStart = 0;

  function endsWithAbbreviation(dot: number): boolean {
    const raw = buffer.slice(wordStart, dot).replace(/^[("'“‘[]+/u, "");
    if (!/^[\p{L}.]+$/u.test(raw)) return false; // "$2.5M." ends a sentence
    // Initials and dotted abbreviations ("J. Smith", "U.S.", "e.g.") do not.
    return raw.includes(".") || raw.length === 1 || ABBREVIATIONS.has(raw.toLowerCase());
  }

  return {
    push(delta) {
      buffer += delta;
      const out: string[] = [];
      while (scan < buffer.length) {
        const ch = buffer[scan];
        let end = -1;
        if (ch === "\n") end = scan + 1;
        else if (ch === "." || ch === "!" || ch === "?") {
          // Whether this ends the sentence depends on the next character: wait for it.
          if (scan + 1 >= buffer.length) break;
          if (isSpace(buffer[scan + 1]) && !(ch === "." && endsWithAbbreviation(scan))) end = scan + 1;
        }
        if (isSpace(ch)) wordStart = scan + 1;
        scan++;
        if (end < 0) continue;
        // The whitespace already here belongs to this sentence.
        while (scan < buffer.length && isSpace(buffer[scan])) scan++;
        // A blank line on its own is not a sentence: it goes with the next one.
        if (buffer.slice(start, scan).trim() === "") continue;
        out.push(buffer.slice(start, scan));
        start = scan;
        wordStart = scan;
      }
      // Keep only what is not yet released, so the buffer never holds the whole letter twice.
      if (start > 0) {
        buffer = buffer.slice(start);
        scan -= start;
        wordStart = Math.max(0, wordStart - start);
        start = 0;
      }
      return out;
    },
    rest() {
      return buffer.slice(start);
    },
  };
}
