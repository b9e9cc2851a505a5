// @ts-check
/** What can be done with one job: rank the profile, generate a resume, stream a cover letter, run the ATS report, save and download. */
import { ERROR_FIELDS, FIELD_ERRORS, download, gql, unwrap } from "../api.js";
import { subscribe } from "../live.js";
import { alertBox, busy, card, field, fill, h, toast } from "../ui.js";

const RANK = `mutation RankProfileForJob($input: RankProfileForJobInput!) { rankProfileForJob(input: $input) { __typename
  ... on MutationRankProfileForJobSuccess { data { items { kind itemId bulletIndex text score matchedKeywords reason } } } ${ERROR_FIELDS} } }`;
const RESUME = `mutation GenerateResume($input: GenerateResumeInput!) { generateResume(input: $input) { __typename
  ... on MutationGenerateResumeSuccess { data { id content ats { score } } } ${FIELD_ERRORS} } }`;
const LETTER = `subscription CoverLetterStream($input: GenerateCoverLetterInput!) { coverLetterStream(input: $input) { delta reset generation { id content } } }`;
const ATS = `query AtsReport($input: AtsReportInput!) { atsReport(input: $input) { __typename
  ... on QueryAtsReportSuccess { data { score wordCount missingKeywords breakdown { name earned weight detail }
    required { matched missing coverage } preferred { matched missing coverage } length { status message } } } ${FIELD_ERRORS} } }`;
const SAVE = `mutation SaveDocument($input: SaveDocumentInput!) { saveDocument(input: $input) { __typename
  ... on MutationSaveDocumentSuccess { data { id title downloadPath } } ${FIELD_ERRORS} } }`;

/** @param {any} job */
export function jobTools(job) {
  let resumeGenerationId = /** @type {string | null} */ (null);
  let stopLetter = () => {};
  const jobName = [job.title, job.company].filter(Boolean).join(" at ") || "this job";

  // Ranking
  const rankOut = h("div", { "aria-live": "polite" });
  const rankBtn = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "btn" }, "Rank my profile"));
  rankBtn.addEventListener("click", () => void busy(rankBtn, async () => {
    const items = unwrap((await gql(RANK, { input: { jobId: job.id } })).rankProfileForJob).items;
    const top = items.filter((/** @type {any} */ i) => i.kind === "BULLET" || i.kind === "EXPERIENCE" || i.kind === "PROJECT").slice(0, 6);
    const max = Math.max(...items.map((/** @type {any} */ i) => i.score), 0.0001);
    fill(rankOut, top.length ? h("ol", { class: "ranking" }, top.map((/** @type {any} */ i) =>
      h("li", null,
        h("div", { class: "rank-text" }, i.text),
        h("div", { class: "rank-bar", "aria-hidden": "true" }, h("span", { style: { width: `${Math.round((100 * i.score) / max)}%` } })),
        h("p", { class: "meta" }, i.matchedKeywords.length ? `Matches ${i.matchedKeywords.join(", ")}` : i.reason))))
      : h("p", { class: "empty" }, "Nothing in your profile matches this job yet."));
  }, { busyLabel: "Ranking…" }));

  // Resume
  const resumeOut = h("div", { "aria-live": "polite" });
  const maxExp = h("input", { type: "number", name: "maxExperiences", min: 1, max: 10, value: 4 });
  const resumeBtn = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Generate resume"));
  const resumeAlert = alertBox();
  const resumeForm = h("form", { class: "inline-form", onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    void busy(resumeBtn, async () => {
      const g = unwrap((await gql(RESUME, { input: { jobId: job.id, maxExperiences: Number(/** @type {HTMLInputElement} */ (maxExp).value) || 4, format: "MARKDOWN" } })).generateResume);
      resumeGenerationId = g.id;
      fill(resumeOut, output("Resume", g.content, g.id, `${job.company ?? "Tailored"} resume`), g.ats ? h("p", { class: "meta" }, `ATS score ${g.ats.score}/100 — run the full report below.`) : null);
      atsBtn.disabled = false;
    }, { alertEl: resumeAlert, busyLabel: "Generating…" });
  } }, field("Roles to include", maxExp), resumeBtn);

  // Cover letter, streamed sentence by sentence
  const tone = h("select", { name: "tone" }, ["NEUTRAL", "FORMAL", "CONVERSATIONAL", "ENTHUSIASTIC"].map((t) => h("option", { value: t }, t[0] + t.slice(1).toLowerCase())));
  const length = h("select", { name: "length" }, [["SHORT", "Short"], ["MEDIUM", "Medium"], ["LONG", "Long"]].map(([v, l]) => h("option", { value: v, selected: v === "MEDIUM" }, l)));
  const letterText = h("div", { class: "letter", "aria-live": "polite", "aria-label": "Cover letter" });
  const letterOut = h("div");
  const letterAlert = alertBox();
  const letterBtn = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Write cover letter"));
  const letterForm = h("form", { class: "inline-form", onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    stopLetter();
    letterAlert.hidden = true;
    fill(letterOut);
    letterText.textContent = "";
    letterText.classList.add("streaming");
    letterText.setAttribute("aria-busy", "true");
    letterBtn.disabled = true;
    letterBtn.textContent = "Writing…";
    const done = () => {
      letterText.classList.remove("streaming");
      letterText.removeAttribute("aria-busy");
      letterBtn.disabled = false;
      letterBtn.textContent = "Write again";
    };
    stopLetter = subscribe(LETTER, { input: { jobId: job.id, tone: /** @type {HTMLSelectElement} */ (tone).value, length: /** @type {HTMLSelectElement} */ (length).value } }, {
      next: (d) => {
        const ev = d.coverLetterStream;
        if (ev.reset) letterText.textContent = "";
        letterText.textContent += ev.delta;
        if (ev.generation) {
          letterText.textContent = ev.generation.content;
          fill(letterOut, saveBar(ev.generation.id, `${job.company ?? "Tailored"} cover letter`));
        }
      },
      error: (message) => {
        done();
        letterAlert.textContent = message;
        letterAlert.hidden = false;
      },
      complete: done,
    });
  } }, field("Tone", tone), field("Length", length), letterBtn);

  // ATS report on the generated resume
  const atsOut = h("div", { "aria-live": "polite" });
  const atsBtn = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "btn", disabled: true }, "Run ATS report"));
  atsBtn.addEventListener("click", () => void busy(atsBtn, async () => {
    const r = unwrap((await gql(ATS, { input: { jobId: job.id, generationId: resumeGenerationId } })).atsReport);
    fill(atsOut, atsView(r));
  }, { busyLabel: "Checking…" }));

  const el = h("div", { class: "stack" },
    card("1 · How your profile matches", [h("p", { class: "muted" }, `Your strongest points for ${jobName}.`), h("div", { class: "actions start" }, rankBtn), rankOut]),
    card("2 · Tailored resume", [resumeForm, resumeAlert, resumeOut]),
    card("3 · ATS check", [h("p", { class: "muted" }, "How an applicant tracking system would read the generated resume."), h("div", { class: "actions start" }, atsBtn), atsOut]),
    card("4 · Cover letter", [letterForm, letterAlert, letterText, letterOut]));
  return { el, stop: () => stopLetter() };
}

/**
 * A generated text with its save bar.
 * @param {string} label @param {string} content @param {string} generationId @param {string} title
 */
function output(label, content, generationId, title) {
  return h("div", { class: "output" }, h("pre", { class: "doc", tabindex: "0", "aria-label": label }, content), saveBar(generationId, title));
}

/** Save a generation as a document, then download it. @param {string} generationId @param {string} title */
function saveBar(generationId, title) {
  const name = h("input", { name: "title", value: title });
  const save = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn" }, "Save document"));
  const downloads = h("div", { class: "row" });
  const alert = alertBox();
  const form = h("form", { class: "save-bar", onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    void busy(save, async () => {
      const doc = unwrap((await gql(SAVE, { input: { generationId, title: /** @type {HTMLInputElement} */ (name).value.trim() || title } })).saveDocument);
      toast(`Saved “${doc.title}”`, "success");
      fill(downloads, downloadButtons(doc));
      /** @type {HTMLElement} */ (downloads.querySelector("button"))?.focus();
    }, { alertEl: alert, form, busyLabel: "Saving…" });
  } }, field("Document title", name), save, downloads, alert);
  return form;
}

/** @param {{ title: string, downloadPath: string }} doc */
export function downloadButtons(doc) {
  return /** @type {const} */ (["pdf", "docx"]).map((format) => {
    const b = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "btn ghost small", "aria-label": `Download ${doc.title} as ${format.toUpperCase()}` }, `Download ${format.toUpperCase()}`));
    b.addEventListener("click", () => void busy(b, async () => {
      const file = await download(doc.downloadPath, format);
      toast(`Downloaded ${file}`, "success");
    }, { busyLabel: "Preparing…" }));
    return b;
  });
}

/** @param {any} r */
function atsView(r) {
  const grade = r.score >= 75 ? "good" : r.score >= 50 ? "ok" : "bad";
  return h("div", { class: "ats" },
    h("div", { class: `ats-score ${grade}`, role: "img", "aria-label": `ATS score ${r.score} out of 100` }, h("strong", null, String(r.score)), h("span", null, "/100")),
    h("div", { class: "ats-detail" },
      h("ul", { class: "breakdown" }, r.breakdown.map((/** @type {any} */ b) => h("li", null,
        h("span", null, humanize(b.name)), h("span", { class: "meta" }, `${b.earned}/${b.weight}`),
        h("div", { class: "rank-bar", "aria-hidden": "true" }, h("span", { style: { width: `${b.weight ? Math.round((100 * b.earned) / b.weight) : 0}%` } }))))),
      h("p", { class: "meta" }, r.length.message),
      r.missingKeywords.length ? [h("h4", null, "Missing keywords"), h("p", { class: "chips" }, r.missingKeywords.map((/** @type {string} */ k) => h("span", { class: "chip warn" }, k)))] : h("p", { class: "notice success" }, "Every keyword of the job is covered.")));
}

/** "requiredKeywords" → "Required keywords". @param {string} name */
function humanize(name) {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
