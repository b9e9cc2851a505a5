// Job-description sections: headings (standalone or inline), bullet items, trailing prose.

import { findSkills } from "../lexicon.ts";
import { hasBulletMarker, splitSentences, stripBulletMarker } from "../text.ts";

export type SectionKind = "requirements" | "preferred" | "responsibilities" | "benefits" | "about" | "other";

export interface Section {
  kind: SectionKind;
  heading: string | null;
  lines: string[];
}

// ---------------------------------------------------------------------------------------------
// Sections

const SECTION_PATTERNS: { kind: SectionKind; re: RegExp }[] = [
  {
    kind: "preferred",
    re: /\b(nice[\s-]to[\s-]haves?|preferred|bonus(?: points)?|pluses|a plus|desirable|desired|good[\s-]to[\s-]haves?|extra credit|would be (?:great|nice)|ideally|even better|added advantage|brownie points|optional)\b/i,
  },
  {
    kind: "requirements",
    re: /\b(requirements?|qualifications?|what you(?:'ll|’ll| will)? (?:need|bring|have)|what we(?:'re|’re| are)? looking for|what we expect|who you are|must[\s-]haves?|required|about you|your (?:profile|background|skills|experience|qualifications)|skills|minimum|basic|essential|competencies|ideal candidate|you should have|you have|you bring|what it takes|experience)\b/i,
  },
  {
    kind: "responsibilities",
    re: /\b(responsibilit\w*|what you(?:'ll|’ll| will)? (?:do|be doing|work on|achieve)|duties|the role|your role|role overview|about the (?:role|job|position)|day[\s-]to[\s-]day|in this role|key tasks|tasks|your (?:mission|impact|day)|the job|job description|position summary|a typical day|the opportunity|what the job involves)\b/i,
  },
  {
    kind: "benefits",
    re: /\b(benefits|perks|what we offer|we offer|compensation|why (?:join|work)|what(?:'s|’s| is) in it for you|our offer|total rewards|what you(?:'ll|’ll| will)? get|salary|pay)\b/i,
  },
  { kind: "about", re: /\b(about|who we are|our (?:company|mission|story|team)|company overview|the company)\b/i },
  { kind: "other", re: /\b(how to apply|to apply|equal opportunity|eeo|location|application process|next steps|interview process)\b/i },
];

function classifyHeading(text: string): SectionKind | null {
  for (const { kind, re } of SECTION_PATTERNS) if (re.test(text)) return kind;
  return null;
}

function headingText(line: string): string | null {
  const md = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
  if (md) return md[1].replace(/[*_:]+/g, "").trim();
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__):?$/.exec(line);
  if (bold) return bold[1].replace(/:$/, "").trim();
  return null;
}

export function wordCountOf(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A line on its own that opens a section; returns the heading's kind. */
interface Heading {
  kind: SectionKind;
  heading: string;
  /** Only a line ending in ":" is weak: "Experience with one of the following:" may open a list. */
  weak: boolean;
}

/** A plain line ("What you'll do") is a heading only if it reads like one, not like a requirement. */
function plainHeadingShape(bare: string): boolean {
  return /^[\p{Lu}]/u.test(bare) && !/^\S+.*\b(?:with|using|in)\b/i.test(bare) && findSkills(bare).length === 0;
}

/** A line on its own that opens a section; returns the heading's kind. */
function detectHeading(line: string): Heading | null {
  if (!line || hasBulletMarker(line)) return null;
  const explicit = headingText(line);
  if (explicit) return { kind: classifyHeading(explicit) ?? "other", heading: explicit, weak: false };
  const bare = line.replace(/[\p{Emoji_Presentation}\p{Extended_Pictographic}]/gu, "").trim();
  const words = wordCountOf(bare);
  if (words === 0 || words > 8) return null;
  if (/:$/.test(bare)) {
    const text = bare.replace(/:$/, "").trim();
    const kind = classifyHeading(text);
    return { kind: kind ?? "other", heading: text, weak: kind === null || !plainHeadingShape(text) };
  }
  if (/[.,;!]$/.test(bare)) return null;
  const allCaps = /\p{Lu}/u.test(bare) && bare === bare.toUpperCase() && words <= 6;
  const kind = classifyHeading(bare);
  if (kind && (allCaps || (words <= 6 && plainHeadingShape(bare)))) return { kind, heading: bare, weak: false };
  if (allCaps) return { kind: "other", heading: bare, weak: false };
  return null;
}

/** "Requirements: 5+ years of Go" — a known section label with content on the same line. */
function detectInlineHeading(line: string): { kind: SectionKind; heading: string; rest: string } | null {
  const m = /^([^:]{3,40}):\s+(.+)$/.exec(line);
  if (!m || hasBulletMarker(line) || wordCountOf(m[1]) > 5) return null;
  const kind = classifyHeading(m[1]);
  if (!kind || kind === "about" || kind === "other") return null;
  return { kind, heading: m[1].trim(), rest: m[2].trim() };
}

export function splitSections(lines: string[]): { header: string[]; sections: Section[] } {
  const header: string[] = [];
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const line of lines) {
    const heading = detectHeading(line);
    const inline = heading ? null : detectInlineHeading(line);
    if (heading && heading.kind === "other" && sections.length === 0) {
      // Unnamed headings above the first real section are the posting's header ("# Senior Engineer").
      header.push(line);
    } else if (heading?.weak && current && current.kind !== "other" && current.kind !== "about") {
      current.lines.push(line);
    } else if (heading || inline) {
      const h = (heading ?? inline)!;
      current = { kind: h.kind, heading: h.heading, lines: inline ? [inline.rest] : [] };
      sections.push(current);
    } else if (current) {
      current.lines.push(line);
    } else {
      header.push(line);
    }
  }
  return { header, sections: sections.flatMap(splitTrailingProse) };
}

/** A prose paragraph after a bullet list ("We offer CHF 120'000…") is not one more bullet. */
function splitTrailingProse(section: Section): Section[] {
  let lastBullet = -1;
  section.lines.forEach((l, i) => {
    if (hasBulletMarker(l)) lastBullet = i;
  });
  if (lastBullet < 0) return [section];
  const blank = section.lines.findIndex((l, i) => i > lastBullet && l === "");
  const rest = blank < 0 ? [] : section.lines.slice(blank + 1).filter(Boolean);
  if (!rest.length || rest.some(hasBulletMarker)) return [section];
  return [
    { ...section, lines: section.lines.slice(0, blank) },
    { kind: "other", heading: null, lines: rest },
  ];
}

/** Bullet items; wrapped bullet lines are joined; prose is split into sentences. */
export function sectionItems(lines: string[]): string[] {
  const items: string[] = [];
  const usesBullets = lines.some(hasBulletMarker);
  let open = false;
  for (const line of lines) {
    if (!line) {
      open = false;
      continue;
    }
    if (hasBulletMarker(line)) {
      items.push(stripBulletMarker(line));
      open = true;
    } else if (usesBullets && open && /^[\p{Ll}(&]/u.test(line)) {
      items[items.length - 1] += ` ${line}`;
    } else {
      items.push(...splitSentences(line));
      open = false;
    }
  }
  return items.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s.length > 1);
}
