// @ts-check
/**
 * Enhancement: start a rewrite, follow it live (subscribed to myEnhancementJobs before the job
 * starts, so no event is missed), cancel it, then compare each item's original and enhanced text
 * and choose or revert. After a reconnect the job's current state is read again, so the progress
 * view resumes where the job is.
 */
import { ERROR_FIELDS, FIELD_ERRORS, gql, unwrap } from "../api.js";
import { live, subscribe } from "../live.js";
import { watchProfile } from "../profile-data.js";
import { alertBox, busy, card, fill, h, messageOf, toast, uid } from "../ui.js";

const JOB_FIELDS = "id status progress step message revision error createdAt result { changed { kind itemId } rejected { kind itemId } unchanged { kind itemId } }";
const START = `mutation EnhanceProfile($input: EnhanceProfileInput!) { enhanceProfile(input: $input) { __typename
  ... on MutationEnhanceProfileSuccess { data { ${JOB_FIELDS} } } ${FIELD_ERRORS} } }`;
const CANCEL = `mutation CancelEnhancement($input: CancelEnhancementInput!) { cancelEnhancement(input: $input) { __typename
  ... on MutationCancelEnhancementSuccess { data { ${JOB_FIELDS} } } ${ERROR_FIELDS} } }`;
const JOB = `query EnhancementJob($id: ID!) { enhancementJob(id: $id) { __typename
  ... on QueryEnhancementJobSuccess { data { ${JOB_FIELDS} } } ${ERROR_FIELDS} } }`;
const RECENT = `query RecentEnhancementJobs { enhancementJobs(first: 1) { edges { node { ${JOB_FIELDS} } } } sample(type: RESUME) { fileName } }`;
const SET_USE = `mutation SetUseEnhanced($input: SetUseEnhancedInput!) { setUseEnhanced(input: $input) { __typename
  ... on MutationSetUseEnhancedSuccess { data { id } } ${FIELD_ERRORS} } }`;
const REVERT = `mutation RevertEnhancement($input: RevertEnhancementInput!) { revertEnhancement(input: $input) { __typename
  ... on MutationRevertEnhancementSuccess { data { id } } ${FIELD_ERRORS} } }`;

const ACTIVE = new Set(["QUEUED", "RUNNING"]);
const STEP_LABELS = { QUEUED: "Waiting to start", LOADING: "Loading your profile", STYLE: "Reading your style", SUMMARY: "Summary", EXPERIENCE: "Experience", PROJECT: "Projects", SAVING: "Saving", DONE: "Done" };

/** @param {HTMLElement} main */
export function renderEnhance(main) {
  /** @type {any} the job on show, at its highest revision seen */
  let job = null;
  let sampleName = /** @type {string | null} */ (null);
  let stopped = false;

  const start = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Start enhancement"));
  const startAlert = alertBox();
  const styleNote = h("p", { class: "hint" });
  const sections = [["SUMMARY", "Summary"], ["EXPERIENCES", "Experience"], ["PROJECTS", "Projects"]].map(([value, label]) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "sections", value, checked: true }), ` ${label}`));

  const bar = h("div", { class: "bar-fill" });
  const progressbar = h("div", { class: "progress", role: "progressbar", "aria-label": "Enhancement progress", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0" }, bar);
  const percent = h("span", { class: "percent" }, "0%");
  const stepEl = h("span", { class: "step" });
  const log = h("ol", { class: "log", "aria-label": "Steps so far" });
  const statusLine = h("p", { class: "status-line", role: "status", "aria-live": "polite" });
  const cancel = /** @type {HTMLButtonElement} */ (h("button", { type: "button", class: "btn ghost danger" }, "Cancel"));
  const progressPanel = h("div", { class: "progress-panel", hidden: true },
    h("div", { class: "progress-head" }, stepEl, percent), progressbar, statusLine, log, h("div", { class: "actions" }, cancel));
  const compare = h("div", { class: "stack" });

  const form = h("form", { class: "stack", onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll("input[name=sections]:checked")].map((i) => /** @type {HTMLInputElement} */ (i).value);
    void busy(start, async () => {
      if (!chosen.length) throw new Error("Choose at least one section to enhance.");
      const data = unwrap((await gql(START, { input: { sections: chosen, useDefaultStyle: !sampleName } })).enhanceProfile);
      show(data, true);
    }, { alertEl: startAlert, busyLabel: "Starting…" });
  } },
    h("fieldset", { class: "checks" }, h("legend", null, "What to rewrite"), sections),
    styleNote, startAlert, h("div", { class: "actions" }, start));

  cancel.addEventListener("click", () => void busy(cancel, async () => {
    if (!job) return;
    show(unwrap((await gql(CANCEL, { input: { id: job.id } })).cancelEnhancement));
  }, { busyLabel: "Cancelling…" }));

  main.append(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Enhance your profile"),
      h("p", { class: "muted" }, "JobWise rewrites your summary and achievements in your own style. Facts stay yours: a rewrite that adds a number, company or technology is refused."))),
    h("div", { class: "grid enhance-layout" },
      card("Rewrite", [form, progressPanel], { id: "rewrite" }),
      card("Compare and choose", [compare], { id: "compare" })));

  /**
   * Shows a job state unless an older revision of the job on show arrives late.
   * @param {any} next
   * @param {boolean} [adopt] make it the job on show
   */
  function show(next, adopt = false) {
    if (job && next.id === job.id && next.revision < job.revision) return;
    if (!adopt && job && next.id !== job.id && !ACTIVE.has(next.status)) return;
    const fresh = !job || job.id !== next.id;
    const wasActive = !fresh && ACTIVE.has(job.status);
    job = next;
    progressPanel.hidden = false;
    if (fresh) log.replaceChildren();
    const value = Math.max(0, Math.min(100, next.progress));
    bar.style.width = `${value}%`;
    progressbar.setAttribute("aria-valuenow", String(value));
    progressbar.setAttribute("aria-valuetext", `${value}%: ${next.message}`);
    progressbar.dataset.status = next.status;
    percent.textContent = `${value}%`;
    stepEl.textContent = ACTIVE.has(next.status) ? STEP_LABELS[/** @type {keyof typeof STEP_LABELS} */ (next.step)] ?? next.step : statusTitle(next.status);
    if (next.message && log.lastElementChild?.textContent !== next.message) log.append(h("li", null, next.message));
    while (log.children.length > 8) log.firstElementChild?.remove();
    statusLine.textContent = next.status === "FAILED" ? next.error ?? next.message : next.message;
    statusLine.className = `status-line ${next.status.toLowerCase()}`;
    const active = ACTIVE.has(next.status);
    cancel.hidden = !active;
    start.disabled = active;
    if (wasActive && next.status === "COMPLETED") toast("Enhancement finished: compare the new versions", "success");
  }

  const stopJobs = subscribe(`subscription MyEnhancementJobs { myEnhancementJobs { ${JOB_FIELDS} } }`, {}, {
    next: (data) => !stopped && show(data.myEnhancementJobs),
  });

  /** After a reconnect (a restart, a network drop): the job may have moved on while the socket was down. */
  const resync = async () => {
    if (!job) return;
    try {
      const r = (await gql(JOB, { id: job.id })).enhancementJob;
      if (!stopped && r.data) show(r.data);
    } catch (e) {
      toast(messageOf(e), "error");
    }
  };
  live.addEventListener("reconnected", resync);

  void gql(RECENT).then((d) => {
    if (stopped) return;
    sampleName = d.sample?.fileName ?? null;
    styleNote.textContent = sampleName ? `Written in the style of your sample “${sampleName}”.` : "No writing sample uploaded: a clear, professional default style is used.";
    const recent = d.enhancementJobs.edges[0]?.node;
    if (recent && (!job || recent.id === job.id)) show(recent, true);
  }, (e) => toast(messageOf(e), "error"));

  const stopProfile = watchProfile((p) => !stopped && renderCompare(compare, p), (e) => toast(messageOf(e), "error"));

  return () => {
    stopped = true;
    stopJobs();
    stopProfile();
    live.removeEventListener("reconnected", resync);
  };
}

/** @param {string} status */
function statusTitle(status) {
  return { COMPLETED: "Finished", CANCELLED: "Cancelled", FAILED: "Failed" }[status] ?? status;
}

/** @param {HTMLElement} box @param {any} p */
function renderCompare(box, p) {
  if (!p) return fill(box, h("p", { class: "empty" }, "Create your profile first."));
  const rows = [];
  if (p.enhancedSummary) rows.push(compareRow({ label: "Summary", itemId: null, original: [p.summary ?? ""], enhanced: [p.enhancedSummary], previous: p.previousEnhancedSummary, useEnhanced: p.useEnhancedSummary }));
  for (const x of p.experiences) {
    if (x.enhancedBullets) rows.push(compareRow({ label: `${x.title} · ${x.company}`, itemId: x.id, original: x.bullets, enhanced: x.enhancedBullets, previous: x.previousEnhancedBullets, useEnhanced: x.useEnhanced }));
  }
  for (const x of p.projects) {
    if (x.enhancedBullets) rows.push(compareRow({ label: x.name, itemId: x.id, original: x.bullets, enhanced: x.enhancedBullets, previous: x.previousEnhancedBullets, useEnhanced: x.useEnhanced }));
  }
  fill(box, rows.length ? rows : h("p", { class: "empty" }, "Nothing enhanced yet. Start an enhancement and the new versions appear here, side by side with your originals."));
}

/**
 * One item, original beside enhanced, with the choice of which one resumes use.
 * @param {{ label: string, itemId: string | null, original: string[], enhanced: string[], previous: unknown, useEnhanced: boolean }} item
 */
function compareRow(item) {
  const name = uid("use");
  const choose = (/** @type {boolean} */ use) => async (/** @type {Event} */ e) => {
    const radio = /** @type {HTMLInputElement} */ (e.currentTarget);
    radio.disabled = true;
    try {
      unwrap((await gql(SET_USE, { input: { itemId: item.itemId, use } })).setUseEnhanced);
      toast(`${item.label}: using the ${use ? "enhanced" : "original"} text`, "success");
    } catch (err) {
      toast(messageOf(err), "error");
    } finally {
      radio.disabled = false;
    }
  };
  const text = (/** @type {string[]} */ t) => (t.length === 1 && item.itemId === null ? h("p", null, t[0]) : h("ul", { class: "bullets" }, t.map((b) => h("li", null, b))));
  const revert = h("button", { type: "button", class: "btn ghost small", onclick: (/** @type {Event} */ e) => void busy(/** @type {HTMLButtonElement} */ (e.currentTarget), async () => {
    unwrap((await gql(REVERT, { input: { itemId: item.itemId } })).revertEnhancement);
    toast(item.previous ? `${item.label}: previous version restored` : `${item.label}: enhanced text removed`, "success");
  }) }, item.previous ? "Restore previous rewrite" : "Discard rewrite");
  return h("article", { class: "compare", "data-item": item.itemId ?? "summary", "aria-label": item.label },
    h("h3", null, item.label),
    h("div", { class: "versions" },
      h("div", { class: `version ${item.useEnhanced ? "" : "chosen"}` }, h("h4", null, "Original"), text(item.original)),
      h("div", { class: `version ${item.useEnhanced ? "chosen" : ""}` }, h("h4", null, "Enhanced"), text(item.enhanced))),
    h("div", { class: "compare-actions" },
      h("fieldset", { class: "choice" }, h("legend", null, "Use in resumes"),
        h("label", null, h("input", { type: "radio", name, value: "original", checked: !item.useEnhanced, onchange: choose(false) }), " Original"),
        h("label", null, h("input", { type: "radio", name, value: "enhanced", checked: item.useEnhanced, onchange: choose(true) }), " Enhanced")),
      revert));
}
