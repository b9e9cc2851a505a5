// Projects sections → DraftProject.

import { type DraftProject, type FieldConfidence } from "./types.ts";
import { type Line } from "./lines.ts";
import { TECH_LINE_RE, words, endsSentence } from "./cues.ts";
import { URL_RE, BARE_DOMAIN_RE, normaliseUrl } from "./contact.ts";
import { anchorDate, segmentWithoutDates, bulletsOf, technologiesIn } from "./entries.ts";
import { type Scored, clean, dropUndefined } from "./experience.ts";

export function parseProjects(lines: Line[]): Scored<DraftProject[]> {
  const startsProject = (l: Line) => {
    if (l.bullet || TECH_LINE_RE.test(l.text) || URL_RE.test(l.text)) return false;
    const name = l.text.split(/\s[–—|-]\s|:\s/)[0];
    return words(name).length <= 5 && (name !== l.text || (words(l.text).length <= 5 && !endsSentence(l.text)));
  };
  const entries = segmentWithoutDates(lines, startsProject);
  const result: DraftProject[] = [];
  const fields: FieldConfidence[] = [];
  for (const entry of entries) {
    const head = entry.header[0]?.text ?? "";
    const dateHit = anchorDate(head);
    const headText = dateHit ? `${head.slice(0, dateHit.index)}${head.slice(dateHit.index + dateHit.length)}` : head;
    const [name, ...descParts] = headText.split(/\s[–—|-]\s|:\s/);
    const project: DraftProject = { name: clean(name), bullets: [], technologies: [] };
    const description = clean(descParts.join(" — "));
    if (description) project.bullets.push(description);
    const body: Line[] = [];
    for (const line of entry.body) {
      const url = URL_RE.exec(line.text)?.[0] ?? (BARE_DOMAIN_RE.test(line.text.trim()) ? line.text.trim() : null);
      if (url && words(line.text).length <= 3) {
        const full = normaliseUrl(url);
        if (/github\.com|gitlab\.com|bitbucket\.org/i.test(full)) project.repoUrl ??= full;
        else project.url ??= full;
        continue;
      }
      body.push(line);
    }
    const { bullets, technologies } = bulletsOf(body);
    project.bullets.push(...bullets);
    project.technologies = technologiesIn([head, ...bullets], technologies);
    if (dateHit) {
      project.startDate = dateHit.range.startDate;
      project.endDate = dateHit.range.endDate;
    }
    if (!project.name) continue;
    fields.push({ path: `projects[${result.length}].name`, confidence: 0.7 });
    result.push(dropUndefined(project));
  }
  return { value: result, fields, warnings: [] };
}
