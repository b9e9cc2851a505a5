import { db } from "../../db/client.ts";
import type { ProfileData, SkillGroups } from "../../core/types.ts";
import { nullableStringList, objectList, stringList } from "./json.ts";

/** The profile as the pure core sees it, plus each item's enhancement choice. */
export interface LoadedProfile extends ProfileData {
  id: string;
  enhancedSummary: string | null;
  useEnhancedSummary: boolean;
  experiences: (ProfileData["experiences"][number] & Enhanceable)[];
  projects: (ProfileData["projects"][number] & Enhanceable)[];
}

export interface Enhanceable {
  enhancedBullets: string[] | null;
  useEnhanced: boolean;
}

const ordered = { orderBy: { sortOrder: "asc" as const } };

export async function loadProfile(userId: string): Promise<LoadedProfile | null> {
  const p = await db().masterProfile.findUnique({
    where: { userId },
    include: { experiences: ordered, projects: ordered, education: ordered, awards: ordered },
  });
  if (!p) return null;
  const skills = (p.skills ?? {}) as Partial<SkillGroups>;
  return {
    id: p.id,
    fullName: p.fullName,
    email: p.email,
    phone: p.phone,
    location: p.location,
    links: objectList(p.links),
    summary: p.summary,
    enhancedSummary: p.enhancedSummary,
    useEnhancedSummary: p.useEnhancedSummary,
    skills: {
      technical: stringList(skills.technical),
      soft: stringList(skills.soft),
      languages: stringList(skills.languages),
      certifications: stringList(skills.certifications),
    },
    experiences: p.experiences.map((e) => ({
      id: e.id,
      title: e.title,
      company: e.company,
      location: e.location,
      startDate: e.startDate,
      endDate: e.endDate,
      current: e.current,
      bullets: stringList(e.bullets),
      technologies: stringList(e.technologies),
      enhancedBullets: nullableStringList(e.enhancedBullets),
      useEnhanced: e.useEnhanced,
    })),
    projects: p.projects.map((x) => ({
      id: x.id,
      name: x.name,
      bullets: stringList(x.bullets),
      technologies: stringList(x.technologies),
      url: x.url,
      repoUrl: x.repoUrl,
      startDate: x.startDate,
      endDate: x.endDate,
      enhancedBullets: nullableStringList(x.enhancedBullets),
      useEnhanced: x.useEnhanced,
    })),
    education: p.education.map((ed) => ({
      id: ed.id,
      institution: ed.institution,
      degree: ed.degree,
      field: ed.field,
      startDate: ed.startDate,
      endDate: ed.endDate,
      gpa: ed.gpa,
      honors: stringList(ed.honors),
      coursework: stringList(ed.coursework),
    })),
    awards: p.awards.map((a) => ({ id: a.id, title: a.title, awarder: a.awarder, date: a.date, summary: a.summary })),
  };
}
