// Warnings about imported items, written for the person importing their resume: what was left
// out, which item, and why, in words — never a validator's message ("title — Invalid input: …").

const ITEM_NAMES: Record<string, string> = { experience: "role", project: "project", education: "education entry", award: "award" };

const FIELD_NAMES: Record<string, string> = {
  title: "a job title",
  company: "a company or organisation name",
  institution: "a school or university name",
  name: "a name",
  awarder: "who gave it",
  date: "a date",
  summary: "its description",
  degree: "a degree",
  field: "a field of study",
  location: "a location",
  gpa: "a grade",
  url: "a link",
  repoUrl: "a repository link",
  bullets: "its bullet points",
  technologies: "its technologies",
  honors: "its honours",
  coursework: "its courses",
  startDate: "a start date",
  endDate: "an end date",
};

export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/** One sentence: "Role 3 (Acme) was not imported: it has no job title. Add it in your profile." */
export function skippedItemWarning(kind: string, index: number, name: string | undefined, issue: ValidationIssue): string {
  const item = ITEM_NAMES[kind] ?? kind;
  const label = `${item[0].toUpperCase()}${item.slice(1)} ${index + 1}${name ? ` (${name})` : ""}`;
  return `${label} was not imported: ${reason(issue)}. You can add it by hand in your profile.`;
}

function reason(issue: ValidationIssue): string {
  const field = String(issue.path[0] ?? "");
  const what = FIELD_NAMES[field] ?? "one of its fields";
  const message = issue.message.toLowerCase();
  if (/end date is before start date/.test(message)) return "its end date is before its start date";
  if (/current role has no end date/.test(message)) return "it is marked current but also has an end date";
  if (/expected \w+, received (?:undefined|null)|cannot be empty|required/.test(message)) return `we could not find ${what} in your resume`;
  if (/at most \d+ characters/.test(message)) return `${what} is longer than the profile allows`;
  if (/duplicates/.test(message)) return `${what} lists the same item twice`;
  if (/at most \d+/.test(message)) return `it has more ${field === "bullets" ? "bullet points" : "entries"} than the profile allows`;
  if (/yyyy/.test(message)) return `${what} is not a date we can read`;
  if (/url/.test(message)) return `${what} is not a full web address`;
  return `${what} could not be read`;
}
