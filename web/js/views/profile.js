// @ts-check
/** The master profile: personal details, experiences (add, edit, delete), projects, education, import. */
import { FIELD_ERRORS, gql, unwrap } from "../api.js";
import { watchProfile } from "../profile-data.js";
import { alertBox, busy, card, dateRange, field, fill, h, messageOf, toast } from "../ui.js";
import { importCard } from "./import.js";

const UPSERT = `mutation UpsertProfile($input: UpsertProfileInput!) { upsertProfile(input: $input) { __typename
  ... on MutationUpsertProfileSuccess { data { id } } ${FIELD_ERRORS} } }`;
const ADD_EXPERIENCE = `mutation AddExperience($input: AddExperienceInput!) { addExperience(input: $input) { __typename
  ... on MutationAddExperienceSuccess { data { id } } ${FIELD_ERRORS} } }`;
const UPDATE_EXPERIENCE = `mutation UpdateExperience($input: UpdateExperienceInput!) { updateExperience(input: $input) { __typename
  ... on MutationUpdateExperienceSuccess { data { id } } ${FIELD_ERRORS} } }`;
const DELETE_EXPERIENCE = `mutation DeleteExperience($input: DeleteExperienceInput!) { deleteExperience(input: $input) { __typename
  ... on MutationDeleteExperienceSuccess { data { deletedId } } ${FIELD_ERRORS} } }`;

/** @param {string} s */
const lines = (s) => s.split("\n").map((l) => l.replace(/^\s*[-•*]\s*/, "").trim()).filter(Boolean);
/** @param {string} s */
const list = (s) => s.split(",").map((x) => x.trim()).filter(Boolean);
/** @param {HTMLElement} form @param {string} name */
const val = (form, name) => /** @type {HTMLInputElement} */ (form.querySelector(`[name="${name}"]`)).value.trim();

/** @param {HTMLElement} main */
export function renderProfile(main) {
  const personal = h("div");
  const experiences = h("div", { class: "items" });
  const projects = h("div", { class: "items" });
  const education = h("div", { class: "items" });
  const status = alertBox();
  /** @type {Map<string, HTMLElement>} open edit forms, kept across live updates */
  const editing = new Map();
  let personalForm = /** @type {HTMLElement | null} */ (null);
  let dirty = false;
  /** The experiences last received, to redraw with when a form closes. @type {any[]} */
  let latestExperiences = [];

  main.append(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Your master profile"),
      h("p", { class: "muted" }, "Everything JobWise writes comes from here. Keep it complete and true."))),
    status,
    h("div", { class: "grid two" },
      h("div", { class: "stack" },
        card("Personal details", [personal]),
        card("Experience", [experiences, addExperienceForm()], { id: "experience" }),
        card("Projects", [projects]),
        card("Education", [education])),
      h("div", { class: "stack" }, importCard())),
  );

  const stop = watchProfile((p) => {
    status.hidden = true;
    if (!personalForm || !dirty) {
      personalForm = personalDetails(p ?? {});
      fill(personal, personalForm);
      dirty = false;
    }
    latestExperiences = p?.experiences ?? [];
    renderExperiences(latestExperiences);
    fill(projects, (p?.projects ?? []).length ? p.projects.map(itemView) : h("p", { class: "empty" }, "No projects yet. Import a resume to add them."));
    fill(education, (p?.education ?? []).length
      ? p.education.map((/** @type {any} */ e) => h("article", { class: "item" }, h("h3", null, e.institution),
          h("p", { class: "meta" }, [e.degree, e.field].filter(Boolean).join(", "), " ", h("span", { class: "dates" }, dateRange(e)))))
      : h("p", { class: "empty" }, "No education yet."));
  }, (e) => {
    status.textContent = messageOf(e);
    status.hidden = false;
  });

  /** @param {any} p */
  function personalDetails(p) {
    const save = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Save details"));
    const alert = alertBox();
    const form = h("form", { class: "form-grid", novalidate: true, oninput: () => (dirty = true), onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      void busy(save, async () => {
        unwrap((await gql(UPSERT, { input: {
          fullName: val(form, "fullName") || null, email: val(form, "email") || null, phone: val(form, "phone") || null,
          location: val(form, "location") || null, summary: val(form, "summary") || null,
          skills: { technical: list(val(form, "technical")), soft: list(val(form, "soft")), languages: list(val(form, "languages")) },
        } })).upsertProfile);
        dirty = false;
        toast("Profile saved", "success");
      }, { alertEl: alert, form, busyLabel: "Saving…" });
    } },
      field("Full name", h("input", { name: "fullName", autocomplete: "name", value: p.fullName ?? "" })),
      field("Email", h("input", { name: "email", type: "email", autocomplete: "email", value: p.email ?? "" })),
      field("Phone", h("input", { name: "phone", type: "tel", autocomplete: "tel", value: p.phone ?? "" })),
      field("Location", h("input", { name: "location", value: p.location ?? "" })),
      h("div", { class: "span-2" }, field("Summary", h("textarea", { name: "summary", rows: 4 }, p.summary ?? ""))),
      h("div", { class: "span-2" }, field("Technical skills", h("input", { name: "technical", value: (p.skills?.technical ?? []).join(", ") }), "Separate with commas")),
      field("Soft skills", h("input", { name: "soft", value: (p.skills?.soft ?? []).join(", ") })),
      field("Languages", h("input", { name: "languages", value: (p.skills?.languages ?? []).join(", ") })),
      h("div", { class: "span-2" }, alert),
      h("div", { class: "span-2 actions" }, save));
    return form;
  }

  /** @param {any[]} items */
  function renderExperiences(items) {
    if (!items.length) {
      fill(experiences, h("p", { class: "empty" }, "No experience yet. Add a role below or import your resume."));
      return;
    }
    fill(experiences, items.map((x) => editing.get(x.id) ?? experienceView(x)));
  }

  /** @param {any} x */
  function experienceView(x) {
    const el = h("article", { class: "item", "data-id": x.id },
      h("div", { class: "item-head" },
        h("div", null, h("h3", null, x.title), h("p", { class: "meta" }, x.company, x.location ? ` · ${x.location}` : "", " ", h("span", { class: "dates" }, dateRange(x)))),
        h("div", { class: "row" },
          h("button", { type: "button", class: "btn ghost small", "aria-label": `Edit ${x.title} at ${x.company}`, onclick: () => {
            const form = experienceForm(x);
            editing.set(x.id, form);
            el.replaceWith(form);
            /** @type {HTMLElement} */ (form.querySelector("input"))?.focus();
          } }, "Edit"),
          h("button", { type: "button", class: "btn ghost small danger", "aria-label": `Delete ${x.title} at ${x.company}`, onclick: (/** @type {Event} */ e) => {
            if (!confirm(`Delete “${x.title}” at ${x.company}?`)) return;
            void busy(/** @type {HTMLButtonElement} */ (e.currentTarget), async () => {
              unwrap((await gql(DELETE_EXPERIENCE, { input: { id: x.id } })).deleteExperience);
              toast("Experience deleted", "success");
            });
          } }, "Delete"))),
      x.bullets.length ? h("ul", { class: "bullets" }, (x.useEnhanced && x.enhancedBullets ? x.enhancedBullets : x.bullets).map((/** @type {string} */ b) => h("li", null, b))) : null,
      x.useEnhanced && x.enhancedBullets ? h("p", { class: "badge" }, "Showing the enhanced version") : null);
    return el;
  }

  /** @param {any} [x] an experience to edit, or none to add one */
  function experienceForm(x) {
    const save = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, x ? "Save role" : "Add role"));
    const alert = alertBox();
    const current = h("input", { type: "checkbox", name: "current", checked: x?.current ?? false });
    const form = h("form", { class: "form-grid item editing", novalidate: true, "aria-label": x ? `Edit ${x.title}` : "Add a role", onsubmit: (/** @type {Event} */ e) => {
      e.preventDefault();
      void busy(save, async () => {
        const fields = {
          title: val(form, "title"), company: val(form, "company"), location: val(form, "location") || null,
          startDate: val(form, "startDate") || null, endDate: /** @type {HTMLInputElement} */ (current).checked ? null : val(form, "endDate") || null,
          current: /** @type {HTMLInputElement} */ (current).checked, bullets: lines(val(form, "bullets")),
        };
        if (x) unwrap((await gql(UPDATE_EXPERIENCE, { input: { id: x.id, fields } })).updateExperience);
        else unwrap((await gql(ADD_EXPERIENCE, { input: { fields } })).addExperience);
        if (x) {
          // profileUpdated may have arrived before this answer, while the form was still open: redraw
          // now (the event that is still to come, if any, redraws again with the saved role)
          editing.delete(x.id);
          renderExperiences(latestExperiences);
        } else /** @type {HTMLFormElement} */ (form).reset();
        toast(x ? "Role saved" : "Role added", "success");
      }, { alertEl: alert, form, busyLabel: "Saving…" });
    } },
      field("Job title", h("input", { name: "title", required: true, value: x?.title ?? "" })),
      field("Company", h("input", { name: "company", required: true, value: x?.company ?? "" })),
      field("Start", h("input", { name: "startDate", placeholder: "2021-03", value: x?.startDate ?? "" }), "YYYY or YYYY-MM"),
      field("End", h("input", { name: "endDate", placeholder: "2024-01", value: x?.endDate ?? "" }), "Leave empty if current"),
      h("label", { class: "check span-2" }, current, " I work here now"),
      field("Location", h("input", { name: "location", value: x?.location ?? "" })),
      h("div", { class: "span-2" }, field("Achievements", h("textarea", { name: "bullets", rows: 4 }, (x?.bullets ?? []).join("\n")), "One per line")),
      h("div", { class: "span-2" }, alert),
      h("div", { class: "span-2 actions" },
        x ? h("button", { type: "button", class: "btn ghost", onclick: () => {
          editing.delete(x.id);
          form.replaceWith(experienceView(x));
        } }, "Cancel") : null,
        save));
    return form;
  }

  function addExperienceForm() {
    const details = h("details", { class: "add" }, h("summary", null, "Add a role"), experienceForm());
    return details;
  }

  return stop;
}

/** A read-only project. @param {any} p */
function itemView(p) {
  return h("article", { class: "item" },
    h("h3", null, p.name), h("p", { class: "meta" }, h("span", { class: "dates" }, dateRange(p))),
    p.bullets.length ? h("ul", { class: "bullets" }, p.bullets.map((/** @type {string} */ b) => h("li", null, b))) : null);
}
