// Renders each ground-truth resume (JSON Resume + meta.layout/dateStyle) to HTML and to plain
// text, in the layout its meta names. build.sh prints the HTML to PDF and converts it to DOCX.
// Usage: npx tsx scripts/import-corpus/render.ts <out-dir> [resumes|holdout|holdout2|holdout3]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface CorpusResume {
  /** set "holdout": written after the parser was tuned on the others, to measure it unseen.
   * "held-out": lives in holdout/, never used to tune the parser (bench reports it on its own).
   * "held-out-2": lives in holdout2/, written after the second parser round, reported on its own too.
   * "held-out-3": lives in holdout3/, written after the third parser round, reported on its own too. */
  meta: { layout: Layout; dateStyle: DateStyle; columns: 1 | 2; set?: "holdout" | "holdout-2" | "held-out" | "held-out-2" | "held-out-3" };
  basics: {
    name: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { city?: string; region?: string; countryCode?: string };
    profiles?: { network: string; url: string }[];
  };
  work: { name: string; position: string; location?: string; startDate?: string; endDate?: string; highlights: string[] }[];
  education: { institution: string; studyType?: string; area?: string; startDate?: string; endDate?: string; score?: string; courses?: string[] }[];
  skills: { name: string; keywords: string[] }[];
  projects?: { name: string; description?: string; highlights?: string[]; keywords?: string[]; url?: string }[];
  certificates?: { name: string }[];
  languages?: { language: string; fluency?: string }[];
}

type Layout =
  | "classic"
  | "company-first"
  | "dates-own-line"
  | "at-style"
  | "compact"
  | "table-two-column"
  | "sidebar"
  | "company-dash-title"
  | "caps-classic"
  | "css-columns"
  | "grouped"
  | "dates-left"
  | "pipes"
  | "right-sidebar"
  | "caps-company"
  | "research-cv"
  | "retail-grid"
  // Held-out layouts (holdout/): written to measure the parser on shapes it was never tuned on.
  | "registration"
  | "labelled-fields"
  | "centered"
  | "stacked-dates"
  | "chips-sidebar"
  | "graduate"
  // Held-out set 2 (holdout2/): a profile-site export, Company / Title / dates (duration) / location.
  | "profile-export";
type DateStyle =
  | "short"
  | "long"
  | "numeric"
  | "year"
  | "since"
  | "short-to"
  | "dot"
  | "short-current"
  | "short-period"
  // Held-out styles: "Sept 2017 to Aug 2020" / "… to date", "March 2019 – present", "Mar '19 – Jun '21", "April 2019 — Now".
  | "uk-to"
  | "long-lower"
  | "apostrophe"
  | "em-long";

const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// British abbreviations as people type them: four letters where the word is short enough.
const UK = ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

function fmtDate(iso: string, style: DateStyle): string {
  const [y, m] = iso.split("-");
  if (!m || style === "year" || style === "since") return y;
  const i = Number(m) - 1;
  if (style === "numeric") return `${m}/${y}`;
  if (style === "dot") return `${m}.${y}`;
  if (style === "long" || style === "long-lower" || style === "em-long") return `${LONG[i]} ${y}`;
  if (style === "uk-to") return `${UK[i]} ${y}`;
  if (style === "apostrophe") return `${SHORT[i]} '${y.slice(2)}`;
  if (style === "short-period") return LONG[i].length > 4 ? `${LONG[i] === "September" ? "Sept" : SHORT[i]}. ${y}` : `${LONG[i]} ${y}`;
  return `${SHORT[i]} ${y}`;
}

const OPEN_END: Partial<Record<DateStyle, string>> = { "uk-to": "date", "long-lower": "present", "em-long": "Now" };

export function fmtRange(start: string | undefined, end: string | undefined, style: DateStyle): string {
  if (!start) return end ? fmtDate(end, style) : "";
  const s = fmtDate(start, style);
  if (!end && style === "since") return `Since ${s}`;
  const e = end ? fmtDate(end, style) : OPEN_END[style] ?? (style === "numeric" || style === "dot" ? "present" : style === "short-current" ? "Current" : "Present");
  switch (style) {
    case "uk-to":
      return `${s} to ${e}`;
    case "em-long":
      return `${s} — ${e}`;
    case "long":
    case "since":
    case "short-current":
      return `${s} - ${e}`;
    case "short-to":
      return `${s} to ${e}`;
    case "year":
      return `${s}–${e}`;
    default:
      return `${s} – ${e}`;
  }
}

// Fixed so the fixtures do not change from one build to the next (a real export uses the export date).
const EXPORT_MONTH = "2025-06";

/** "Jan 2020 – Present" → "Jan 2020 – Present (5 years 6 months)", counted inclusively like profile sites do. */
function withDuration(range: string, w: { startDate?: string; endDate?: string }): string {
  const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  if (!w.startDate || w.startDate.length < 7 || (w.endDate && w.endDate.length < 7)) return range;
  const total = months(w.endDate ?? EXPORT_MONTH) - months(w.startDate) + 1;
  const [y, m] = [Math.floor(total / 12), total % 12];
  const unit = (n: number, word: string) => (n ? `${n} ${word}${n === 1 ? "" : "s"}` : "");
  return `${range} (${[unit(y, "year"), unit(m, "month")].filter(Boolean).join(" ")})`;
}

/** "Feb 2019 – Mar 2022" → ["Feb 2019 –", "Mar 2022"]: the two lines of a stacked date cell. */
function splitRange(d: string): [string, string] {
  const m = /^(.*?\s[–—-])\s(.*)$/.exec(d);
  return m ? [m[1], m[2]] : [d, ""];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function locationText(r: CorpusResume): string {
  const l = r.basics.location ?? {};
  return [l.city, l.region ?? l.countryCode].filter(Boolean).join(", ");
}

function contactParts(r: CorpusResume): string[] {
  const b = r.basics;
  const links = (b.profiles ?? []).map((p) => p.url.replace(/^https?:\/\/(www\.)?/, ""));
  return [b.email, b.phone, locationText(r), b.url?.replace(/^https?:\/\//, ""), ...links].filter((x): x is string => !!x);
}

interface Headings {
  summary: string;
  work: string;
  education: string;
  skills: string;
  projects: string;
  certificates: string;
  languages: string;
}

const HEADINGS: Record<Layout, Headings> = {
  classic: { summary: "Summary", work: "Experience", education: "Education", skills: "Technical Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "company-first": { summary: "Profile", work: "Professional Experience", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "dates-own-line": { summary: "About Me", work: "Work History", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "at-style": { summary: "Summary", work: "Employment", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  compact: { summary: "Profile", work: "Experience", education: "Education", skills: "Skills", projects: "Projects", certificates: "Licenses & Certifications", languages: "Languages" },
  "table-two-column": { summary: "Profile", work: "Work Experience", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  sidebar: { summary: "Summary", work: "Experience", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "company-dash-title": { summary: "About", work: "Experience", education: "Education", skills: "Skills", projects: "Side Projects", certificates: "Certifications", languages: "Languages" },
  "caps-classic": { summary: "PROFILE", work: "PROFESSIONAL EXPERIENCE", education: "EDUCATION", skills: "SKILLS", projects: "PROJECTS", certificates: "CERTIFICATIONS", languages: "LANGUAGES" },
  "css-columns": { summary: "Personal Statement", work: "Teaching Experience", education: "Education & Qualifications", skills: "Key Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  grouped: { summary: "", work: "Work Experience", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "dates-left": { summary: "Profile", work: "Career History", education: "Education and Training", skills: "Skills & Tools", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  pipes: { summary: "Summary", work: "Experience", education: "Education", skills: "Technical Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "caps-company": { summary: "OBJECTIVE", work: "WORK EXPERIENCE", education: "EDUCATION", skills: "SKILLS & INTERESTS", projects: "PROJECTS", certificates: "LICENSES", languages: "LANGUAGES" },
  "research-cv": { summary: "Research Interests", work: "Research Experience", education: "Education", skills: "Technical Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "retail-grid": { summary: "Summary", work: "Experience", education: "Education", skills: "Strengths", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "right-sidebar": { summary: "Profile", work: "Employment History", education: "Education", skills: "Skills", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  registration: { summary: "Professional Summary", work: "Career History", education: "Qualifications", skills: "Core Competencies", projects: "Projects", certificates: "Registration & Licensure", languages: "Languages" },
  "labelled-fields": { summary: "Personal Profile", work: "Employment Record", education: "Education & Professional Qualifications", skills: "Key Skills", projects: "Projects", certificates: "Professional Memberships", languages: "Languages" },
  centered: { summary: "Profile", work: "Kitchen Experience", education: "Training", skills: "Culinary Skills", projects: "Projects", certificates: "Food Safety & Certifications", languages: "Languages" },
  "stacked-dates": { summary: "Summary of Qualifications", work: "Legal Experience", education: "Education", skills: "Areas of Expertise", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  "chips-sidebar": { summary: "About", work: "Selected Experience", education: "Education", skills: "Toolkit", projects: "Projects", certificates: "Certifications", languages: "Languages" },
  graduate: { summary: "Career Objective", work: "Internship Experience", education: "Education", skills: "Skills", projects: "Academic Projects", certificates: "Activities & Awards", languages: "Languages" },
  "profile-export": { summary: "About", work: "Experience", education: "Education", skills: "Top Skills", projects: "Projects", certificates: "Licenses & Certifications", languages: "Languages" },
};

type SectionKey = keyof Headings;
const DEFAULT_ORDER: SectionKey[] = ["summary", "work", "projects", "education", "skills", "certificates", "languages"];
/** Section order of the held-out layouts; the others keep DEFAULT_ORDER (or their own body below). */
const ORDER: Partial<Record<Layout, SectionKey[]>> = {
  registration: ["summary", "work", "certificates", "education", "skills", "languages"],
  "labelled-fields": ["summary", "skills", "work", "education", "certificates", "languages"],
  centered: ["summary", "skills", "work", "education", "certificates", "languages"],
  "stacked-dates": ["summary", "work", "education", "certificates", "skills", "languages"],
  "chips-sidebar": ["summary", "work", "education"],
  graduate: ["summary", "education", "work", "projects", "skills", "certificates", "languages"],
};

// Kept out of CSS so that adding a layout does not change the HTML of the existing ones.
const LAYOUT_CSS: Partial<Record<Layout, string>> = {
  centered: "h1, .label, .contact { text-align: center; } h2 { text-align: center; border: none; letter-spacing: 2px; } ul.two { column-count: 2; list-style: none; margin-left: 0; }",
  "stacked-dates": "table.sd { width: 100%; border-collapse: collapse; } table.sd td { vertical-align: top; padding: 2px 8px 6px 0; } table.sd td.left { width: 18%; color: #555; }",
  "chips-sidebar": ".grid-c { display: grid; grid-template-columns: 28% 69%; column-gap: 3%; } .chip { display: inline-block; border: 1px solid #bbb; border-radius: 8px; padding: 0 5px; margin: 2px 2px; font-size: 8.5pt; }",
  "labelled-fields": ".lbl { display: inline-block; width: 70px; color: #555; }",
};

const CSS = `
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #222; }
h1 { font-size: 20pt; margin: 0 0 2px; }
h2 { font-size: 11pt; margin: 14px 0 4px; border-bottom: 1px solid #999; padding-bottom: 2px; }
.label { font-size: 11pt; color: #555; margin: 0; }
.contact { margin: 4px 0 8px; color: #333; }
.row { display: flex; justify-content: space-between; }
.muted { color: #666; }
.entry { margin: 6px 0 8px; }
ul { margin: 2px 0 4px 18px; padding: 0; }
p { margin: 1px 0; }
table.two { width: 100%; border-collapse: collapse; }
table.two td { vertical-align: top; padding: 3px 6px 6px 0; }
table.two td.left { width: 24%; color: #555; }
.grid { display: grid; grid-template-columns: 30% 67%; column-gap: 3%; }
.side { background: #f2f2f2; padding: 6px; }
.cols { column-count: 2; column-gap: 24px; }
.grid-r { display: grid; grid-template-columns: 66% 30%; column-gap: 4%; }
.dl { display: flex; } .dl .when { width: 24%; flex: none; color: #555; } .dl .what { flex: 1; }
.cols h2 { break-after: avoid; }
.entry, li { break-inside: avoid; }
`;

function workHtml(r: CorpusResume): string {
  const { layout, dateStyle } = r.meta;
  return r.work
    .map((w, i) => {
      const d = esc(fmtRange(w.startDate, w.endDate, dateStyle));
      const ul = `<ul>${w.highlights.map((h) => `<li>${esc(h)}</li>`).join("")}</ul>`;
      const loc = esc(w.location ?? "");
      const pos = esc(w.position);
      const co = esc(w.name);
      switch (layout) {
        case "classic":
          return `<div class="entry"><div class="row"><b>${pos} — ${co}</b><span>${d}</span></div><div class="muted">${loc}</div>${ul}</div>`;
        case "company-first":
          return `<div class="entry"><div class="row"><b>${co}, ${loc}</b><span>${d}</span></div><div><i>${pos}</i></div>${ul}</div>`;
        case "dates-own-line":
          return `<div class="entry"><div><b>${pos}</b></div><div>${co} · ${loc}</div><div class="muted">${d}</div>${ul}</div>`;
        case "at-style":
          return `<div class="entry"><div><b>${pos}</b> at ${co}</div><div class="muted">${d} · ${loc}</div>${w.highlights
            .map((h) => `<p>• ${esc(h)}</p>`)
            .join("")}</div>`;
        case "compact":
          return `<div class="entry"><div><b>${co}</b> | ${pos} | ${d}</div>${w.highlights.map((h) => `<p>– ${esc(h)}</p>`).join("")}</div>`;
        case "table-two-column":
          return `<tr><td class="left">${d}<br>${loc}</td><td><b>${co}</b><br>${pos}${ul}</td></tr>`;
        case "sidebar":
          return `<div class="entry"><div><b>${pos}</b></div><div class="muted">${co} | ${d}</div>${ul}</div>`;
        case "company-dash-title":
          return `<div class="entry"><div class="row"><b>${co} — ${pos}</b><span>${d}</span></div>${ul}</div>`;
        case "caps-classic":
          return `<div class="entry"><div class="row"><b>${co}</b><span>${loc}</span></div><div class="row"><i>${pos}</i><span>${d}</span></div>${w.highlights
            .map((h) => `<p>* ${esc(h)}</p>`)
            .join("")}</div>`;
        case "css-columns":
          return `<div class="entry"><p><b>${pos}</b>, ${co}</p><p class="muted">${d}</p>${ul}</div>`;
        case "grouped": {
          const first = i === 0 || r.work[i - 1].name !== w.name;
          const group = first ? `<div class="row" style="margin-top:8px"><b>${co}</b><span>${loc}</span></div>` : "";
          return `${group}<div class="entry"><div class="row"><i>${pos}</i><span>${d}</span></div>${ul}</div>`;
        }
        case "dates-left":
          return `<div class="entry dl"><div class="when">${d}</div><div class="what"><div><b>${co}</b>, ${loc}</div><div><i>${pos}</i></div>${ul}</div></div>`;
        case "pipes":
          return `<div class="entry"><div><b>${pos}</b> | ${co} | ${loc}</div><div class="muted">${d}</div>${w.highlights.map((h) => `<p>- ${esc(h)}</p>`).join("")}</div>`;
        case "right-sidebar":
          return `<div class="entry"><div><b>${pos}, ${co}</b></div><div class="muted">${d} | ${loc}</div>${ul}</div>`;
        case "caps-company":
          return `<div class="entry"><div><b>${esc(w.name.toUpperCase())}</b> — ${loc}</div><div>${pos} · ${d}</div>${w.highlights.map((h) => `<p>▪ ${esc(h)}</p>`).join("")}</div>`;
        case "research-cv":
          return `<div class="entry"><div class="row"><span><b>${pos}</b>, ${co}, ${loc}</span><span>${d}</span></div>${ul}</div>`;
        case "retail-grid":
          return `<div class="entry"><div><b>${pos} - ${co} - ${loc}</b></div><div class="muted">${d}</div>${ul}</div>`;
        case "registration":
          return `<div class="entry"><div><b>${co}</b>, ${loc}</div><div><i>${pos}</i> (${d})</div>${ul}</div>`;
        case "labelled-fields":
          return `<div class="entry"><div><span class="lbl">Employer:</span> <b>${co}</b> (${loc})</div><div><span class="lbl">Position:</span> ${pos}</div><div><span class="lbl">Period:</span> ${d}</div><div>Key responsibilities:</div>${ul}</div>`;
        case "centered":
          return `<div class="entry"><div class="row"><b>${pos}</b><span>${d}</span></div><div><i>${co} — ${loc}</i></div>${w.highlights.map((h) => `<p>› ${esc(h)}</p>`).join("")}</div>`;
        case "stacked-dates": {
          const [from, to] = splitRange(d);
          return `<tr><td class="left">${from}<br>${to}<br>${loc}</td><td><b>${pos}</b><br><i>${co}</i>${ul}</td></tr>`;
        }
        case "chips-sidebar":
          return `<div class="entry"><div class="row"><b>${co}</b><span class="muted">${d}</span></div><div><i>${pos}</i></div>${ul}</div>`;
        case "graduate":
          return `<div class="entry"><div><b>${co}</b> — ${loc}</div><div><i>${pos}</i></div><div class="muted">${d}</div>${ul}</div>`;
        case "profile-export":
          return `<div class="entry"><div><b>${co}</b></div><div>${pos}</div><div class="muted">${esc(withDuration(d, w))}</div><div class="muted">${loc}</div>${ul}</div>`;
      }
    })
    .join("\n");
}

function educationHtml(r: CorpusResume): string {
  const { layout, dateStyle } = r.meta;
  return r.education
    .map((e) => {
      const d = esc(fmtRange(e.startDate, e.endDate, dateStyle));
      const degree = esc([e.studyType, e.area].filter(Boolean).join(e.studyType?.includes(" in ") ? ", " : " in "));
      const gpa = e.score ? (/^\d/.test(e.score) ? `GPA: ${esc(e.score)}` : esc(e.score)) : "";
      if (layout === "company-first" || layout === "classic" || layout === "caps-classic" || layout === "company-dash-title")
        return `<div class="entry"><div class="row"><b>${esc(e.institution)}</b><span>${d}</span></div><div>${degree}</div>${gpa ? `<div>${gpa}</div>` : ""}</div>`;
      if (layout === "table-two-column") return `<tr><td class="left">${d}</td><td><b>${esc(e.institution)}</b><br>${degree}</td></tr>`;
      const courses = e.courses?.length ? `<div>Relevant coursework: ${e.courses.map(esc).join(", ")}</div>` : "";
      if (layout === "registration")
        return `<div class="entry"><div class="row"><span><b>${degree}</b>, ${esc(e.institution)}</span><span>${d}</span></div>${gpa ? `<div>${gpa}</div>` : ""}</div>`;
      if (layout === "labelled-fields") return `<p>${d}: ${degree}, ${esc(e.institution)}${gpa ? ` (${gpa})` : ""}</p>`;
      if (layout === "stacked-dates") {
        const [from, to] = splitRange(d);
        return `<tr><td class="left">${from}<br>${to}</td><td><b>${esc(e.institution)}</b><br>${degree}${gpa ? `<br>${gpa}` : ""}</td></tr>`;
      }
      if (layout === "graduate")
        return `<div class="entry"><div class="row"><b>${esc(e.institution)}</b><span>${d}</span></div><div><i>${degree}</i></div>${gpa ? `<div>${gpa}</div>` : ""}${courses}</div>`;
      return `<div class="entry"><div><b>${degree}</b></div><div>${esc(e.institution)}</div><div class="muted">${d}${gpa ? ` · ${gpa}` : ""}</div></div>`;
    })
    .join("\n");
}

function skillsHtml(r: CorpusResume): string {
  switch (r.meta.layout) {
    case "compact":
    case "css-columns":
      return `<p>${r.skills.flatMap((s) => s.keywords).map(esc).join(" | ")}</p>`;
    case "sidebar":
      return r.skills.map((s) => `<p><b>${esc(s.name)}</b></p><ul>${s.keywords.map((k) => `<li>${esc(k)}</li>`).join("")}</ul>`).join("");
    case "registration":
      return r.skills.map((s) => `<p>${s.keywords.map(esc).join(" • ")}</p>`).join("");
    case "labelled-fields":
      return `<ul>${r.skills.flatMap((s) => s.keywords).map((k) => `<li>${esc(k)}</li>`).join("")}</ul>`;
    case "centered":
      return `<ul class="two">${r.skills.flatMap((s) => s.keywords).map((k) => `<li>› ${esc(k)}</li>`).join("")}</ul>`;
    case "chips-sidebar":
      return r.skills.map((s) => `<p><b>${esc(s.name)}</b></p><div>${s.keywords.map((k) => `<span class="chip">${esc(k)}</span>`).join(" ")}</div>`).join("");
    default:
      return r.skills.map((s) => `<p><b>${esc(s.name)}:</b> ${s.keywords.map(esc).join(", ")}</p>`).join("");
  }
}

function projectsHtml(r: CorpusResume): string {
  return (r.projects ?? [])
    .map(
      (p) =>
        `<div class="entry"><div><b>${esc(p.name)}</b>${p.description ? ` — ${esc(p.description)}` : ""}</div>${
          p.url ? `<div class="muted">${esc(p.url.replace(/^https?:\/\//, ""))}</div>` : ""
        }<ul>${(p.highlights ?? []).map((h) => `<li>${esc(h)}</li>`).join("")}</ul>${
          p.keywords?.length ? `<p class="muted">Tech: ${p.keywords.map(esc).join(", ")}</p>` : ""
        }</div>`,
    )
    .join("");
}

const langLine = (r: CorpusResume) => (r.languages ?? []).map((l) => `${l.language}${l.fluency ? ` (${l.fluency})` : ""}`).join(", ");

export function renderHtml(r: CorpusResume): string {
  const h = HEADINGS[r.meta.layout];
  const section = (title: string, body: string) => (body ? `<h2>${esc(title)}</h2>${body}` : "");
  const header = `<h1>${esc(r.basics.name)}</h1>${r.basics.label ? `<p class="label">${esc(r.basics.label)}</p>` : ""}`;
  const contactInline = `<p class="contact">${contactParts(r).map(esc).join(" | ")}</p>`;
  const summary = section(h.summary, r.basics.summary ? `<p>${esc(r.basics.summary)}</p>` : "");
  const isTable = r.meta.layout === "table-two-column";
  const table = isTable ? "two" : r.meta.layout === "stacked-dates" ? "sd" : "";
  const work = section(h.work, table ? `<table class="${table}">${workHtml(r)}</table>` : workHtml(r));
  const edu = section(h.education, table ? `<table class="${table}">${educationHtml(r)}</table>` : educationHtml(r));
  const skills = section(h.skills, skillsHtml(r));
  const projects = section(h.projects, projectsHtml(r));
  const certs = section(h.certificates, (r.certificates ?? []).map((c) => `<p>${esc(c.name)}</p>`).join(""));
  const langs = section(h.languages, r.languages?.length ? `<p>${esc(langLine(r))}</p>` : "");

  let body: string;
  if (r.meta.layout === "grouped") {
    const intro = r.basics.summary ? `<p>${esc(r.basics.summary)}</p>` : "";
    body = `${header}${contactInline}${intro}${work}${edu}${skills}${langs}`;
  } else if (r.meta.layout === "right-sidebar") {
    const side = `<div class="side">${contactParts(r).map((c) => `<p>${esc(c)}</p>`).join("")}${skills}${edu}${certs}${langs}</div>`;
    body = `${header}<div class="grid-r"><div>${summary}${work}${projects}</div>${side}</div>`;
  } else if (r.meta.layout === "retail-grid") {
    const side = `<div class="side">${contactParts(r).map((c) => `<p>${esc(c)}</p>`).join("")}${skills}${edu}${langs}</div>`;
    body = `${header}<div class="grid">${side}<div>${summary}${work}</div></div>`;
  } else if (r.meta.layout === "sidebar") {
    const side = `<div class="side">${contactParts(r).map((c) => `<p>${esc(c)}</p>`).join("")}${skills}${edu}${certs}${langs}</div>`;
    body = `${header}<div class="grid">${side}<div>${summary}${work}${projects}</div></div>`;
  } else if (r.meta.layout === "chips-sidebar") {
    const side = `<div class="side">${contactParts(r).map((c) => `<p>${esc(c)}</p>`).join("")}${skills}${certs}${langs}</div>`;
    body = `${header}<div class="grid-c">${side}<div>${summary}${work}${edu}</div></div>`;
  } else if (ORDER[r.meta.layout]) {
    const parts: Record<SectionKey, string> = { summary, work, education: edu, skills, projects, certificates: certs, languages: langs };
    body = `${header}${contactInline}${ORDER[r.meta.layout]!.map((k) => parts[k]).join("")}`;
  } else if (r.meta.layout === "css-columns") {
    body = `${header}${contactInline}<div class="cols">${summary}${work}${edu}${skills}${projects}${certs}${langs}</div>`;
  } else {
    body = `${header}${contactInline}${summary}${work}${projects}${edu}${skills}${certs}${langs}`;
  }
  // The grouped layout is set large so that it runs onto a second page (page break mid-section).
  const extra = r.meta.layout === "grouped" ? "body { font-size: 12.5pt; line-height: 1.5; }" : (LAYOUT_CSS[r.meta.layout] ?? "");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.basics.name)}</title><style>${CSS}${extra}</style></head><body>${body}</body></html>\n`;
}

/** Plain-text rendering: what a user would type in a .txt resume in the same layout. */
export function renderText(r: CorpusResume): string {
  const h = HEADINGS[r.meta.layout];
  const { layout, dateStyle } = r.meta;
  const width = 92;
  const right = (left: string, rightText: string) => `${left}${" ".repeat(Math.max(2, width - left.length - rightText.length))}${rightText}`;
  const marker = TEXT_MARKER[layout] ?? "- ";
  const out: string[] = [r.basics.name];
  if (r.basics.label) out.push(r.basics.label);
  out.push(contactParts(r).join(" | "), "");
  const heading = (t: string) => out.push(layout === "caps-classic" ? t.toUpperCase() : t);
  const gutter = 16;

  const sections: Record<SectionKey, () => void> = {
    summary: () => {
      if (!r.basics.summary) return;
      if (h.summary) heading(h.summary);
      out.push(r.basics.summary, "");
    },
    work: () => {
      heading(h.work);
      r.work.forEach((w, i) => {
        const d = fmtRange(w.startDate, w.endDate, dateStyle);
        const loc = w.location ?? "";
        out.push(...workHeaderText(r, i, d, loc, right));
        const indent = layout === "stacked-dates" ? " ".repeat(gutter) : "";
        for (const b of w.highlights) out.push(indent + marker + b);
        out.push("");
      });
    },
    projects: () => {
      if (!r.projects?.length) return;
      heading(h.projects);
      for (const p of r.projects) {
        out.push(p.description ? `${p.name} — ${p.description}` : p.name);
        if (p.url) out.push(p.url.replace(/^https?:\/\//, ""));
        for (const b of p.highlights ?? []) out.push(marker + b);
        if (p.keywords?.length) out.push(`Tech: ${p.keywords.join(", ")}`);
        out.push("");
      }
    },
    education: () => {
      heading(h.education);
      for (const e of r.education) {
        const d = fmtRange(e.startDate, e.endDate, dateStyle);
        const degree = [e.studyType, e.area].filter(Boolean).join(e.studyType?.includes(" in ") ? ", " : " in ");
        const gpa = e.score ? (/^\d/.test(e.score) ? `GPA: ${e.score}` : e.score) : "";
        if (layout === "registration") out.push(right(`${degree}, ${e.institution}`, d));
        else if (layout === "labelled-fields") out.push(`${d}: ${degree}, ${e.institution}${gpa ? ` (${gpa})` : ""}`);
        else if (layout === "stacked-dates") {
          const [from, to] = splitRange(d);
          out.push(`${from.padEnd(gutter)}${e.institution}`, `${to.padEnd(gutter)}${degree}`);
        } else out.push(right(e.institution, d), degree);
        if (gpa && layout !== "labelled-fields") out.push(layout === "stacked-dates" ? " ".repeat(gutter) + gpa : gpa);
        if (e.courses?.length) out.push(`Relevant coursework: ${e.courses.join(", ")}`);
      }
      out.push("");
    },
    skills: () => {
      heading(h.skills);
      if (layout === "compact" || layout === "css-columns") out.push(r.skills.flatMap((s) => s.keywords).join(" | "));
      else if (layout === "registration") for (const s of r.skills) out.push(s.keywords.join(" • "));
      else if (layout === "labelled-fields" || layout === "centered") for (const k of r.skills.flatMap((s) => s.keywords)) out.push(marker + k);
      else if (layout === "chips-sidebar") for (const s of r.skills) out.push(`${s.name}: ${s.keywords.join(" · ")}`);
      else for (const s of r.skills) out.push(`${s.name}: ${s.keywords.join(", ")}`);
      out.push("");
    },
    certificates: () => {
      if (!r.certificates?.length) return;
      heading(h.certificates);
      for (const c of r.certificates) out.push(marker + c.name);
      out.push("");
    },
    languages: () => {
      if (!r.languages?.length) return;
      heading(h.languages);
      out.push(langLine(r), "");
    },
  };
  // A typed .txt of a sidebar layout puts the main column first, then the sidebar.
  const order = layout === "chips-sidebar" ? [...ORDER[layout]!, "skills", "certificates", "languages"] : (ORDER[layout] ?? DEFAULT_ORDER);
  for (const key of order as SectionKey[]) sections[key]();
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

const TEXT_MARKER: Partial<Record<Layout, string>> = {
  compact: "– ",
  "caps-classic": "* ",
  "at-style": "• ",
  "caps-company": "▪ ",
  registration: "• ",
  centered: "› ",
};

/** The lines above one job's bullets in the plain-text rendering. */
function workHeaderText(r: CorpusResume, i: number, d: string, loc: string, right: (l: string, r: string) => string): string[] {
  const w = r.work[i];
  switch (r.meta.layout) {
    case "classic":
      return [right(`${w.position} — ${w.name}`, d), loc];
    case "company-first":
      return [right(`${w.name}, ${loc}`, d), w.position];
    case "dates-own-line":
      return [w.position, `${w.name} · ${loc}`, d];
    case "at-style":
      return [`${w.position} at ${w.name}`, `${d} · ${loc}`];
    case "compact":
      return [`${w.name} | ${w.position} | ${d}`];
    case "table-two-column":
      return [right(w.name, d), right(w.position, loc)];
    case "sidebar":
      return [w.position, `${w.name} | ${d}`];
    case "company-dash-title":
      return [right(`${w.name} — ${w.position}`, d)];
    case "caps-classic":
      return [right(w.name, loc), right(w.position, d)];
    case "css-columns":
      return [`${w.position}, ${w.name}`, d];
    case "grouped":
      return [...(i === 0 || r.work[i - 1].name !== w.name ? [right(w.name, loc)] : []), right(w.position, d)];
    case "dates-left":
      return [`${d.padEnd(24)}${w.name}, ${loc}`, `${" ".repeat(24)}${w.position}`];
    case "pipes":
      return [`${w.position} | ${w.name} | ${loc}`, d];
    case "right-sidebar":
      return [`${w.position}, ${w.name}`, `${d} | ${loc}`];
    case "caps-company":
      return [`${w.name.toUpperCase()} — ${loc}`, `${w.position} · ${d}`];
    case "research-cv":
      return [right(`${w.position}, ${w.name}, ${loc}`, d)];
    case "retail-grid":
      return [`${w.position} - ${w.name} - ${loc}`, d];
    case "registration":
      return [`${w.name}, ${loc}`, `${w.position} (${d})`];
    case "labelled-fields":
      return [`Employer: ${w.name} (${loc})`, `Position: ${w.position}`, `Period:   ${d}`, "Key responsibilities:"];
    case "centered":
      return [right(w.position, d), `${w.name} — ${loc}`];
    case "stacked-dates": {
      const [from, to] = splitRange(d);
      return [`${from.padEnd(16)}${w.position}`, `${to.padEnd(16)}${w.name}`, loc];
    }
    case "chips-sidebar":
      return [right(w.name, d), w.position];
    case "graduate":
      return [`${w.name} — ${loc}`, w.position, d];
    case "profile-export":
      return [w.name, w.position, withDuration(d, w), loc];
  }
}

export const corpusDir = dirname(fileURLToPath(import.meta.url));

/** "resumes": the corpus the parser was tuned on; "holdout": the held-out set it never saw;
 * "holdout2": a second held-out set, written after the second parser round;
 * "holdout3": a third, written after the third parser round from existing layouts only. */
export type CorpusSet = "resumes" | "holdout" | "holdout2" | "holdout3";
const CORPUS_SETS: readonly CorpusSet[] = ["resumes", "holdout", "holdout2", "holdout3"];

export function loadCorpus(set: CorpusSet = "resumes"): { id: string; resume: CorpusResume }[] {
  const dir = join(corpusDir, set);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ id: basename(f, ".json"), resume: JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusResume }));
}

function main(outDir: string, set: CorpusSet): void {
  mkdirSync(outDir, { recursive: true });
  for (const { id, resume } of loadCorpus(set)) {
    writeFileSync(join(outDir, `${id}.html`), renderHtml(resume));
    writeFileSync(join(outDir, `${id}.txt`), renderText(resume));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv[2] ?? "out", CORPUS_SETS.find((s) => s === process.argv[3]) ?? "resumes");
