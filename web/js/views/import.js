// @ts-check
/** Import a resume: preview what was read (nothing is written), then merge it into the profile. */
import { FIELD_ERRORS, unwrap, upload } from "../api.js";
import { alertBox, busy, card, dateRange, fill, h, toast } from "../ui.js";

const IMPORT = `mutation ImportResume($input: ImportResumeInput!) { importResume(input: $input) { __typename
  ... on MutationImportResumeSuccess { data { mode applied confidence warnings format skippedDuplicates
    added { experiences projects education skills }
    draft { fullName email phone location summary
      experiences { title company startDate endDate current bullets }
      education { institution degree field startDate endDate }
      projects { name }
      skills { technical } } } }
  ... on UnsupportedFileError { found } ${FIELD_ERRORS} } }`;

export function importCard() {
  const fileInput = /** @type {HTMLInputElement} */ (h("input", { type: "file", id: "import-file", name: "file", accept: ".pdf,.docx,.txt,.json,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/json" }));
  const preview = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Preview"));
  const alert = alertBox();
  const result = h("div", { class: "import-result", "aria-live": "polite" });
  /** @type {File | null} */
  let previewed = null;

  /** @param {"PREVIEW" | "MERGE"} mode @param {boolean} [force] */
  const run = async (mode, force = false) => {
    const file = mode === "PREVIEW" ? fileInput.files?.[0] : previewed;
    if (!file) throw new Error("Choose a PDF, DOCX, text or JSON Resume file first.");
    return unwrap((await upload(IMPORT, { input: { file: null, mode, force } }, file, "input.file")).importResume);
  };

  const form = h("form", { class: "stack", onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    void busy(preview, async () => {
      const data = await run("PREVIEW");
      previewed = fileInput.files?.[0] ?? null;
      showDraft(data);
    }, { alertEl: alert, busyLabel: "Reading…" });
  } },
    h("div", { class: "field" },
      h("label", { for: "import-file" }, "Resume file"),
      fileInput,
      h("p", { class: "hint" }, "PDF, DOCX, text or JSON Resume, up to 5 MB. Preview first: nothing is saved until you merge.")),
    alert,
    h("div", { class: "actions" }, preview));

  /** @param {any} data */
  function showDraft(data) {
    const d = data.draft;
    const low = data.confidence < 0.5;
    const merge = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "btn primary" }, "Merge into my profile"));
    const mergeAlert = alertBox();
    merge.addEventListener("click", () => void busy(merge, async () => {
      const done = await run("MERGE", low);
      const a = done.added;
      fill(result, h("div", { class: "notice success", role: "status" },
        `Merged: ${a.experiences} experience${a.experiences === 1 ? "" : "s"}, ${a.education} education, ${a.projects} project${a.projects === 1 ? "" : "s"}, ${a.skills} skill${a.skills === 1 ? "" : "s"} added`,
        done.skippedDuplicates ? `; ${done.skippedDuplicates} already in your profile` : "", "."));
      toast("Resume merged into your profile", "success");
      previewed = null;
      fileInput.value = "";
    }, { alertEl: mergeAlert, busyLabel: "Merging…" }));

    fill(result,
      h("div", { class: "draft" },
        h("div", { class: "draft-head" },
          h("h3", null, "Preview"),
          h("span", { class: `score ${data.confidence >= 0.75 ? "good" : data.confidence >= 0.5 ? "ok" : "bad"}` }, `${Math.round(data.confidence * 100)}% confident`)),
        h("dl", { class: "kv" },
          h("dt", null, "Name"), h("dd", null, d.fullName ?? "—"),
          h("dt", null, "Email"), h("dd", null, d.email ?? "—"),
          h("dt", null, "Location"), h("dd", null, d.location ?? "—")),
        data.warnings.length ? h("ul", { class: "warnings", "aria-label": "Warnings" }, data.warnings.map((/** @type {string} */ w) => h("li", null, w))) : null,
        h("h4", null, `Experience (${d.experiences.length})`),
        h("ul", { class: "draft-list" }, d.experiences.map((/** @type {any} */ x) =>
          h("li", null, h("strong", null, x.title ?? "Untitled role"), x.company ? ` · ${x.company}` : "", h("span", { class: "dates" }, dateRange(x))))),
        d.education.length ? [h("h4", null, `Education (${d.education.length})`),
          h("ul", { class: "draft-list" }, d.education.map((/** @type {any} */ e) => h("li", null, h("strong", null, e.institution ?? "—"), e.degree ? ` · ${e.degree}` : "")))] : null,
        d.skills.technical.length ? [h("h4", null, "Skills"), h("p", { class: "chips" }, d.skills.technical.map((/** @type {string} */ s) => h("span", { class: "chip" }, s)))] : null,
        low ? h("p", { class: "hint" }, "This file does not look much like a resume. Merging it anyway adds only what was read.") : null,
        mergeAlert,
        h("div", { class: "actions" }, merge)));
    merge.focus();
  }

  return card("Import a resume", [form, result], { id: "import" });
}
