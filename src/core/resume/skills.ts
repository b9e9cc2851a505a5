// Skills, languages and certifications → the profile's skill groups.

import { canonicalSkill, findSkills, skillCategory } from "../lexicon.ts";
import { type SkillGroups } from "../types.ts";
import { type Line } from "./lines.ts";
import { SOFT_LABEL_RE, LANG_LABEL_RE, CERT_LABEL_RE, GENERIC_SKILL_LABELS, words } from "./cues.ts";
import { clean } from "./experience.ts";

/** Splits "a, b (x, y), c | d" at top-level separators. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;|•·●▪\t]/.test(ch)) {
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  items.push(cur);
  return items
    .flatMap((i) => i.split(/\s{3,}/))
    .map((i) => i.trim().replace(/^(?:and|&)\s+/i, "").replace(/\.$/, "").trim())
    .filter((i) => i && i.length <= 60 && /[\p{L}\p{N}]/u.test(i));
}

export type SkillGroup = keyof SkillGroups;

export function groupForLabel(label: string, items: string[]): SkillGroup {
  if (CERT_LABEL_RE.test(label)) return "certifications";
  if (SOFT_LABEL_RE.test(label) && !/\bprogramming\b/i.test(label)) return "soft";
  if (LANG_LABEL_RE.test(label) && !/\bprogramming\b/i.test(label)) {
    const spoken = items.filter((i) => skillCategory(canonicalSkill(stripFluency(i)) ?? "") === "spoken" || /\((?:native|fluent|[abc][12]|basic|intermediate|advanced|conversational|professional)/i.test(i));
    return spoken.length * 2 >= items.length ? "languages" : "technical";
  }
  return "technical";
}

export function stripFluency(item: string): string {
  return item.replace(/\s*[(:–—-].*$/, "").trim();
}

export function groupForItem(item: string): SkillGroup {
  const canonical = canonicalSkill(item);
  const category = canonical ? skillCategory(canonical) : null;
  if (category === "soft") return "soft";
  if (category === "spoken") return "languages";
  if (category === "certification") return "certifications";
  return "technical";
}

export function addSkill(groups: SkillGroups, group: SkillGroup, item: string): void {
  const key = (s: string) => (canonicalSkill(s) ?? s).toLowerCase();
  const all = [...groups.technical, ...groups.soft, ...groups.languages, ...groups.certifications].map(key);
  if (!all.includes(key(item))) groups[group].push(item);
}

/** Words of a line that could be side-by-side skill chips: no separators, every word capitalised. */
export function chipWords(text: string): string[] | null {
  if (/[,;|•·:()/]/.test(text)) return null;
  const ws = text.trim().split(/\s+/);
  return ws.length >= 2 && ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) ? ws : null;
}

/**
 * Skill "chips" drawn side by side arrive as one run of words ("Dovetail Figma Qualtrics"). The
 * skills the lexicon knows show how many words one chip has: when all known ones in a line have
 * the same length k and start on a multiple of k, the line is cut every k words. One known skill
 * ending a two-word line ("Dovetail Figma") also counts, unless the other word reads as an
 * adjective ("Advanced Excel"). Returns k, or null when the line is not a row of chips.
 */
export function chipWidth(text: string): number | null {
  const ws = chipWords(text);
  if (!ws) return null;
  const starts = ws.map((_, i) => ws.slice(0, i).join(" ").length + (i ? 1 : 0));
  const known = findSkills(text)
    .map((m) => ({ word: starts.indexOf(m.index), size: words(m.match).length }))
    .filter((m) => m.word >= 0);
  const sizes = new Set(known.map((m) => m.size));
  if (sizes.size !== 1) return null;
  const k = known[0].size;
  if (ws.length % k !== 0 || ws.length === k || known.some((m) => m.word % k !== 0)) return null;
  if (known.length >= 2) return k;
  const lone = known[0];
  return k === 1 && ws.length === 2 && lone.word === 1 && !/(?:ed|al|ive|ic|ous|ful|ing)$/i.test(ws[0]) ? 1 : null;
}

/** Cuts chip rows; a row the lexicon cannot read takes the chip size of its block's readable rows. */
export function splitChipRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  let block: Line[] = [];
  const flush = () => {
    const widths = block.map((l) => chipWidth(l.text));
    const known = new Set(widths.filter((w): w is number => w !== null));
    const blockWidth = known.size === 1 ? [...known][0] : null;
    const sizes = new Set(block.filter((_, i) => widths[i] !== null).map((l) => chipWords(l.text)!.length));
    block.forEach((l, i) => {
      const ws = chipWords(l.text);
      const k = widths[i] ?? (blockWidth !== null && ws && sizes.has(ws.length) && ws.length % blockWidth === 0 ? blockWidth : null);
      if (!k || !ws) return out.push(l);
      const chips: string[] = [];
      for (let j = 0; j < ws.length; j += k) chips.push(ws.slice(j, j + k).join(" "));
      out.push({ ...l, text: chips.join(" | ") });
    });
    block = [];
  };
  for (const line of lines) {
    if (/:/.test(line.text) || GENERIC_SKILL_LABELS.has(line.text.trim().toLowerCase())) {
      flush();
      out.push(line);
    } else block.push(line);
  }
  flush();
  return out;
}

export function parseSkills(lines: Line[], groups: SkillGroups, defaultGroup?: SkillGroup): void {
  let label: string | null = null;
  for (const line of splitChipRows(lines)) {
    const text = line.text.trim();
    const labelled = /^([\p{L}][\p{L}\d &/+.-]{1,40}?)\s*[:：]\s*(.*)$/u.exec(text);
    if (labelled && !/^https?$/i.test(labelled[1])) {
      const items = splitList(labelled[2]);
      if (!items.length) {
        label = labelled[1];
        continue;
      }
      for (const item of items) addClassified(groups, item, defaultGroup ?? classifySkill(item, labelled[1], items));
      label = null;
      continue;
    }
    if (!line.bullet && GENERIC_SKILL_LABELS.has(text.toLowerCase().replace(/[:\s]+$/, ""))) {
      label = text.replace(/:$/, "");
      continue;
    }
    const items = splitList(text);
    for (const item of items) addClassified(groups, item, defaultGroup ?? classifySkill(item, label, items));
  }
}

export function addClassified(groups: SkillGroups, item: string, group: SkillGroup): void {
  addSkill(groups, group, group === "languages" ? formatLanguage(item) : item);
}

/** Within a technical list, the lexicon still knows "Leadership" is a soft skill. */
export function refine(item: string): SkillGroup {
  const g = groupForItem(item);
  return g === "soft" || g === "languages" ? g : "technical";
}

export function formatLanguage(item: string): string {
  const m = /^([\p{L} ]+?)\s*(?:[:–—-]|\s\()\s*\(?([^)]+)\)?$/u.exec(item.trim());
  return m ? `${m[1].trim()} (${m[2].trim()})` : item.trim();
}

/** The profile skill group for an item, given the label it was listed under (if any) and its siblings. */
export function classifySkill(item: string, label?: string | null, siblings: string[] = [item]): SkillGroup {
  const group = label ? groupForLabel(label, siblings) : groupForItem(item);
  return group === "technical" ? refine(item) : group;
}

export function parseCertifications(lines: Line[], groups: SkillGroups): void {
  for (const line of lines) {
    const parts = line.text.split(/\s*[|•;]\s*/);
    for (const part of parts) {
      const commaParts = part.split(/\s*,\s*/);
      const items = commaParts.length > 1 && commaParts.every((p) => words(p).length <= 4 && !/^\d{4}$/.test(p)) ? commaParts : [part];
      for (const item of items) {
        const t = clean(item);
        if (t) addSkill(groups, "certifications", t);
      }
    }
  }
}
