// Plain data shapes shared by the pure core (no Prisma, no GraphQL): the services map
// database rows to these before calling core functions, and map results back.

/** ISO-8601 partial date as JSON Resume uses it: "2021", "2021-03" or "2021-03-15". */
export type PartialDate = string;

export interface ExperienceData {
  id: string;
  title: string;
  company: string;
  location?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
  current: boolean;
  bullets: string[];
  technologies: string[];
}

export interface ProjectData {
  id: string;
  name: string;
  bullets: string[];
  technologies: string[];
  url?: string | null;
  repoUrl?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
}

export interface EducationData {
  id: string;
  institution: string;
  degree?: string | null;
  field?: string | null;
  startDate?: PartialDate | null;
  endDate?: PartialDate | null;
  gpa?: string | null;
  honors: string[];
  coursework: string[];
}

/** An award, honour or scholarship (JSON Resume `awards`). */
export interface AwardData {
  id: string;
  title: string;
  awarder?: string | null;
  date?: PartialDate | null;
  summary?: string | null;
}

export interface SkillGroups {
  technical: string[];
  soft: string[];
  languages: string[];
  certifications: string[];
}

export interface ProfileData {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  location?: string | null;
  links: { label: string; url: string }[];
  summary?: string | null;
  skills: SkillGroups;
  experiences: ExperienceData[];
  projects: ProjectData[];
  education: EducationData[];
  /** Absent where a caller builds a profile without them (tests, older snapshots). */
  awards?: AwardData[];
}

export type Tense = "PAST" | "PRESENT" | "MIXED";
export type Person = "FIRST" | "THIRD" | "IMPLIED";
export type Tone = "FORMAL" | "NEUTRAL" | "CONVERSATIONAL" | "ENTHUSIASTIC";

/** Writing style learnt from a sample: text statistics, deterministic. */
export interface WritingStyle {
  tense: Tense;
  person: Person;
  /** The bullet marker the sample uses ("•", "-", "*", "–") or null when it uses none. */
  bulletMarker: string | null;
  avgBulletWords: number;
  avgSentenceWords: number;
  /** Share (0..1) of bullets that carry a number. */
  numericBulletShare: number;
  /** Whether bullets end with a full stop. */
  bulletsEndWithPeriod: boolean;
  topActionVerbs: string[];
  sectionHeadings: string[];
  tone: Tone;
  /** 0..1: how strongly the text shows that tone. */
  toneScore: number;
  /** One line on the tone, written by the provider (the numbers above stay deterministic). */
  toneDescription?: string | null;
  // cover letters only
  greeting?: string | null;
  closing?: string | null;
  paragraphCount?: number | null;
}

export type RemoteMode = "REMOTE" | "HYBRID" | "ONSITE" | "UNKNOWN";
export type SalaryPeriod = "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR";
export type Seniority = "INTERN" | "JUNIOR" | "MID" | "SENIOR" | "LEAD" | "PRINCIPAL" | "EXECUTIVE";

export interface JobRequirement {
  text: string;
  required: boolean;
  /** Canonical skill names found in the requirement. */
  keywords: string[];
}

export interface ParsedJob {
  title: string | null;
  company: string | null;
  location: string | null;
  description: string;
  /** Canonical keywords, most important first. */
  keywords: string[];
  requirements: JobRequirement[];
  responsibilities: string[];
  benefits: string[];
  salary: { min: number | null; max: number | null; currency: string | null; period: SalaryPeriod | null } | null;
  remoteMode: RemoteMode;
  seniority: Seniority | null;
  yearsExperience: number | null;
}

export type RankedKind = "EXPERIENCE" | "PROJECT" | "BULLET" | "SKILL";

export interface RankedItem {
  kind: RankedKind;
  /** Experience/project id; for bullets the parent's id; for skills the skill name. */
  itemId: string;
  /** Index of the bullet inside its parent, for BULLET items. */
  bulletIndex: number | null;
  text: string;
  score: number; // 0..1
  matchedKeywords: string[];
  reason: string;
}

export interface Ranking {
  items: RankedItem[];
}
