// Public shapes of the resume draft the parser returns.

import { type PartialDate, type SkillGroups } from "../types.ts";

export interface DraftExperience {
  /** The section the role was listed under when it is not the main experience section ("Volunteer", "Leadership"). */
  section?: string;
  title?: string;
  company?: string;
  location?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  current?: boolean;
  bullets: string[];
  technologies: string[];
}

export interface DraftProject {
  name?: string;
  bullets: string[];
  technologies: string[];
  url?: string;
  repoUrl?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
}

export interface DraftEducation {
  institution?: string;
  degree?: string;
  field?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  gpa?: string;
  honors: string[];
  coursework: string[];
}

export interface DraftAward {
  title?: string;
  awarder?: string;
  date?: PartialDate;
  summary?: string;
}

export interface DraftProfile {
  fullName?: string;
  email?: string;
  phone?: string;
  location?: string;
  links: { label: string; url: string }[];
  summary?: string;
  skills: SkillGroups;
  experiences: DraftExperience[];
  projects: DraftProject[];
  education: DraftEducation[];
  awards: DraftAward[];
}

export interface FieldConfidence {
  /** e.g. "experiences[0].company", "email", "skills.technical". */
  path: string;
  /** 0..1 */
  confidence: number;
}

export interface ResumeDraft {
  profile: DraftProfile;
  confidence: { overall: number; fields: FieldConfidence[] };
  warnings: string[];
}

export interface ParseOptions {
  /** Positioned lines from the extractor, when it has them (used to drop running headers/footers). */
  lines?: { text: string; page: number; y?: number; size?: number; gapBefore?: boolean; bold?: boolean }[];
}

export interface DateRange {
  startDate?: PartialDate;
  endDate?: PartialDate;
  current: boolean;
}
