// Renders each ground-truth resume (JSON Resume + meta.layout/dateStyle) to HTML and to plain
// text, in the layout its meta names. build.sh prints the HTML to PDF and converts it to DOCX.
// Usage: npx tsx scripts/import-corpus/render.ts <out-dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface CorpusResume {
  /** set "holdout": written after the parser was tuned on the others, to measure it unseen. */
  meta: { layout: Layout; dateStyle: DateStyle; columns: 1 | 2; set?: "holdout" | "holdout-2" };
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
  education: { institution: string; studyType?: string; area?: string; startDate?: string; endDate?: string; score?: string }[];
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
  | "retail-grid";
type DateStyle = "short" | "long" | "numeric" | "year" | "since" | "short-to" | "dot" | "short-current" | "short-period";

const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function fmtDate(iso: string, style: DateStyle): string {
  const [y, m] = iso.split("-");
  if (!m || style === "year" || style === "since") return y;
  const i = Number(m) - 1;
  if (style === "numeric") return `${m}/${y}`;
  if (style === "dot") return `${m}.${y}`;
  if (style === "long") return `${LONG[i]} ${y}`;
  if (style === "short-period") return LONG[i].length > 4 ? `${LONG[i] === "September" ? "Sept" : SHORT[i]}. ${y}` : `${LONG[i]} ${y}`;
  return `${SHORT[i]} ${y}`;
}

export function fmtRange(start: string | undefined, end: string | undefined, style: DateStyle): string {
  if (!start) return end ? fmtDate(end, style) : "";
  const s = fmtDate(start, style);
  if (!end && style === "since") return `Since ${s}`;
  const e = end ? fmtDate(end, style) : style === "numeric" || style === "dot" ? "present" : style === "short-current" ? "Current" : "Present";
  switch (style) {
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
  const work = section(h.work, isTable ? `<table class="two">${workHtml(r)}</table>` : workHtml(r));
  const edu = section(h.education, isTable ? `<table class="two">${educationHtml(r)}</table>` : educationHtml(r));
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
  } else if (r.meta.layout === "css-columns") {
    body = `${header}${contactInline}<div class="cols">${summary}${work}${edu}${skills}${projects}${certs}${langs}</div>`;
  } else {
    body = `${header}${contactInline}${summary}${work}${projects}${edu}${skills}${certs}${langs}`;
  }
  // The grouped layout is set large so that it runs onto a second page (page break mid-section).
  const extra = r.meta.layout === "grouped" ? "body { font-size: 12.5pt; line-height: 1.5; }" : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(r.basics.name)}</title><style>${CSS}${extra}</style></head><body>${body}</body></html>\n`;
}

/** Plain-text rendering: what a user would type in a .txt resume in the same layout. */
export function renderText(r: CorpusResume): string {
  const h = HEADINGS[r.meta.layout];
  const { layout, dateStyle } = r.meta;
  const width = 92;
  const right = (left: string, rightText: string) => `${left}${" ".repeat(Math.max(2, width - left.length - rightText.length))}${rightText}`;
  const marker = layout === "compact" ? "– " : layout === "caps-classic" ? "* " : layout === "at-style" ? "• " : layout === "caps-company" ? "▪ " : "- ";
  const out: string[] = [r.basics.name];
  if (r.basics.label) out.push(r.basics.label);
  out.push(contactParts(r).join(" | "), "");
  const heading = (t: string) => out.push(layout === "caps-classic" ? t.toUpperCase() : t);
  if (r.basics.summary) {
    if (h.summary) heading(h.summary);
    out.push(r.basics.summary, "");
  }
  heading(h.work);
  r.work.forEach((w, i) => {
    const d = fmtRange(w.startDate, w.endDate, dateStyle);
    const loc = w.location ?? "";
    switch (layout) {
      case "classic":
        out.push(right(`${w.position} — ${w.name}`, d), loc);
        break;
      case "company-first":
        out.push(right(`${w.name}, ${loc}`, d), w.position);
        break;
      case "dates-own-line":
        out.push(w.position, `${w.name} · ${loc}`, d);
        break;
      case "at-style":
        out.push(`${w.position} at ${w.name}`, `${d} · ${loc}`);
        break;
      case "compact":
        out.push(`${w.name} | ${w.position} | ${d}`);
        break;
      case "table-two-column":
        out.push(right(w.name, d), right(w.position, loc));
        break;
      case "sidebar":
        out.push(w.position, `${w.name} | ${d}`);
        break;
      case "company-dash-title":
        out.push(right(`${w.name} — ${w.position}`, d));
        break;
      case "caps-classic":
        out.push(right(w.name, loc), right(w.position, d));
        break;
      case "css-columns":
        out.push(`${w.position}, ${w.name}`, d);
        break;
      case "grouped":
        if (i === 0 || r.work[i - 1].name !== w.name) out.push(right(w.name, loc));
        out.push(right(w.position, d));
        break;
      case "dates-left":
        out.push(`${d.padEnd(24)}${w.name}, ${loc}`, `${" ".repeat(24)}${w.position}`);
        break;
      case "pipes":
        out.push(`${w.position} | ${w.name} | ${loc}`, d);
        break;
      case "right-sidebar":
        out.push(`${w.position}, ${w.name}`, `${d} | ${loc}`);
        break;
      case "caps-company":
        out.push(`${w.name.toUpperCase()} — ${loc}`, `${w.position} · ${d}`);
        break;
      case "research-cv":
        out.push(right(`${w.position}, ${w.name}, ${loc}`, d));
        break;
      case "retail-grid":
        out.push(`${w.position} - ${w.name} - ${loc}`, d);
        break;
    }
    for (const b of w.highlights) out.push(marker + b);
    out.push("");
  });
  if (r.projects?.length) {
    heading(h.projects);
    for (const p of r.projects) {
      out.push(p.description ? `${p.name} — ${p.description}` : p.name);
      if (p.url) out.push(p.url.replace(/^https?:\/\//, ""));
      for (const b of p.highlights ?? []) out.push(marker + b);
      if (p.keywords?.length) out.push(`Tech: ${p.keywords.join(", ")}`);
      out.push("");
    }
  }
  heading(h.education);
  for (const e of r.education) {
    const d = fmtRange(e.startDate, e.endDate, dateStyle);
    const degree = [e.studyType, e.area].filter(Boolean).join(e.studyType?.includes(" in ") ? ", " : " in ");
    out.push(right(e.institution, d), degree);
    if (e.score) out.push(/^\d/.test(e.score) ? `GPA: ${e.score}` : e.score);
  }
  out.push("");
  heading(h.skills);
  if (layout === "compact" || layout === "css-columns") out.push(r.skills.flatMap((s) => s.keywords).join(" | "));
  else for (const s of r.skills) out.push(`${s.name}: ${s.keywords.join(", ")}`);
  out.push("");
  if (r.certificates?.length) {
    heading(h.certificates);
    for (const c of r.certificates) out.push(marker + c.name);
    out.push("");
  }
  if (r.languages?.length) {
    heading(h.languages);
    out.push(langLine(r), "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

export const corpusDir = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(): { id: string; resume: CorpusResume }[] {
  const dir = join(corpusDir, "resumes");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ id: basename(f, ".json"), resume: JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusResume }));
}

function main(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const { id, resume } of loadCorpus()) {
    writeFileSync(join(outDir, `${id}.html`), renderHtml(resume));
    writeFileSync(join(outDir, `${id}.txt`), renderText(resume));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv[2] ?? "out");
