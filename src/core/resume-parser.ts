// Resume text → structured profile draft, deterministically and without I/O.
//
// The parser is a folder, one module per stage (src/core/resume/):
//   read     src/ingest/extract.ts + pdf-layout.mjs (pdf.js items → lines in reading order; DOCX)
//   layout   lines.ts     text / positioned lines → normalised Line records
//   sections sections.ts  lines → sections by heading (headings.ts is shared with style extraction)
//   entries  entries.ts   a section → entries anchored on header dates
//   fields   dates.ts, roles.ts, contact.ts (title / company / location / dates / contact)
//            experience.ts, education.ts, skills.ts, projects.ts (entries → draft items)
//   draft    draft.ts     the whole pipeline, confidence and warnings
// This file is the stable entry other modules import from.

export type {
  DraftExperience,
  DraftProject,
  DraftEducation,
  DraftAward,
  DraftProfile,
  FieldConfidence,
  ResumeDraft,
  ParseOptions,
  DateRange,
} from "./resume/types.ts";
export { parseDate, findDateRange, parseDateRange, type DateHit } from "./resume/dates.ts";
export { MAX_LINE_CHARS, boundLines, unspaceLetters } from "./resume/lines.ts";
export { classifySkill } from "./resume/skills.ts";
export { parseResumeText } from "./resume/draft.ts";
