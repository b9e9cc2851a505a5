// Profile enrichment: facts the user states about themselves become *suggested* changes. Only
// first-person statements of work done ("I also led the on-call rotation at Acme") and of skills
// ("I use Kafka"), never questions; nothing is written until the user accepts.

import { distinctSkills } from "../lexicon.ts";
import type { ProfileData } from "../types.ts";

export type SuggestionKind = "ADD_BULLET" | "ADD_SKILL";

export interface SuggestedChange {
  kind: SuggestionKind;
  /** The experience a bullet goes to; null for a skill. */
  targetId: string | null;
  text: string;
}

const VERBS =
  "led|built|designed|managed|ran|created|launched|mentored|migrated|implemented|owned|introduced|reduced|improved|wrote|developed|organi[sz]ed|automated|shipped|coordinated|founded|established|delivered|trained|architected|scaled|cut|increased|negotiated|presented|published|taught|maintained|handled|supervised";
const ACHIEVEMENT = new RegExp(`^\\s*(?:and\\s+)?I\\s+(?:also\\s+|once\\s+|have\\s+(?:also\\s+)?)?(${VERBS})\\b\\s*(.+)$`, "i");
const SKILL_CLAIM = /\bI\s+(?:also\s+)?(?:know|use|used|have\s+used|work\s+with|worked\s+with|am\s+(?:proficient|fluent|experienced)\s+(?:in|with)|have\s+experience\s+(?:in|with)|learned|learnt)\b(.+)/i;

export function suggestedChanges(text: string, profile: ProfileData | null): SuggestedChange[] {
  if (!profile) return [];
  const out: SuggestedChange[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const s = sentence.trim();
    if (!s || s.endsWith("?")) continue;
    const bullet = bulletOf(s, profile);
    if (bullet) out.push(bullet);
    const claim = SKILL_CLAIM.exec(s);
    if (claim) {
      const known = new Set(profile.skills.technical.flatMap(distinctSkills).concat(profile.skills.technical).map((x) => x.toLowerCase()));
      for (const skill of distinctSkills(claim[1]!)) {
        if (!known.has(skill.toLowerCase()) && !out.some((o) => o.text === skill)) out.push({ kind: "ADD_SKILL", targetId: null, text: skill });
      }
    }
  }
  return out;
}

function bulletOf(sentence: string, profile: ProfileData): SuggestedChange | null {
  const m = ACHIEVEMENT.exec(sentence);
  if (!m) return null;
  let rest = m[2]!.replace(/[.!]+$/, "").trim();
  let target = null as ProfileData["experiences"][number] | null;
  for (const e of profile.experiences) {
    const at = new RegExp(`\\s+(?:at|for|with|in)\\s+${escape(e.company)}\\b`, "i");
    if (at.test(rest)) {
      target = e;
      rest = rest.replace(at, "").trim();
      break;
    }
  }
  // Without a company, the statement is about the current role only when there is exactly one.
  const current = profile.experiences.filter((e) => e.current);
  target ??= current.length === 1 ? current[0]! : null;
  if (!target || rest.length < 3) return null;
  const verb = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  const text = `${verb} ${rest}`.slice(0, 300);
  if (target.bullets.some((b) => b.toLowerCase() === text.toLowerCase())) return null;
  return { kind: "ADD_BULLET", targetId: target.id, text };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
