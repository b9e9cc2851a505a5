// Word lists shared by the grounding checks (data files under core/data).
import allowData from "../data/grounding-allow.json" with { type: "json" };
import verbData from "../data/action-verbs.json" with { type: "json" };

// ---------------------------------------------------------------------------------------------
// Shared word lists

export const ALLOWED = new Set<string>(
  [
    ...allowData.letter,
    ...allowData.roles,
    ...allowData.calendar,
    ...allowData.function,
    ...allowData.degrees,
    ...allowData.acronyms,
  ].map((w) => w.toLowerCase()),
);
export const ORG_SUFFIXES = new Set<string>(allowData.orgSuffixes.map((w) => w.toLowerCase().replace(/\.$/, "")));
export const CONNECTORS = new Set<string>(allowData.connectors);
// Every inflected form of the verbs the enhancer writes: a capitalised verb is prose, not a name.
export const VERB_FORMS = new Set<string>(verbData.verbs.flat());
