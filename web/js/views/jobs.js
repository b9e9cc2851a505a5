// @ts-check
/** Jobs: paste a description, pick a job, then rank, tailor, write and check (job-tools.js). */
import { FIELD_ERRORS, gql, unwrap } from "../api.js";
import { alertBox, busy, card, field, fill, h, messageOf, toast } from "../ui.js";
import { jobTools } from "./job-tools.js";

const JOB_FIELDS = "id title company location remoteMode keywords yearsExperience applicationStatus createdAt requirements { text required } salary { min max currency period }";
const JOBS = `query Jobs { jobs(first: 50) { edges { node { ${JOB_FIELDS} } } } }`;
const CREATE = `mutation CreateJob($input: CreateJobInput!) { createJob(input: $input) { __typename
  ... on MutationCreateJobSuccess { data { ${JOB_FIELDS} } } ${FIELD_ERRORS} } }`;

const REMOTE = { REMOTE: "Remote", HYBRID: "Hybrid", ONSITE: "On-site", UNKNOWN: "" };

/** @param {HTMLElement} main */
export function renderJobs(main) {
  /** @type {any[]} */
  let jobs = [];
  let selected = /** @type {string | null} */ (new URLSearchParams(location.hash.split("?")[1] ?? "").get("id"));
  let stopTools = () => {};
  const listEl = h("ul", { class: "job-list", "aria-label": "Your jobs" });
  const detail = h("div", { class: "job-detail" });

  const text = h("textarea", { name: "text", rows: 8, placeholder: "Senior Backend Engineer\nAcme — Berlin (Hybrid)\n\nRequirements\n- 5+ years of Python\n…" });
  const add = /** @type {HTMLButtonElement} */ (h("button", { type: "submit", class: "btn primary" }, "Add job"));
  const alert = alertBox();
  const form = h("form", { class: "stack", novalidate: true, onsubmit: (/** @type {Event} */ e) => {
    e.preventDefault();
    void busy(add, async () => {
      const value = /** @type {HTMLTextAreaElement} */ (text).value.trim();
      if (!value) throw new Error("Paste the job description first.");
      const job = unwrap((await gql(CREATE, { input: { text: value } })).createJob);
      /** @type {HTMLTextAreaElement} */ (text).value = "";
      jobs = [job, ...jobs];
      select(job.id);
      toast(`Added “${job.title ?? "Untitled job"}”`, "success");
    }, { alertEl: alert, form, busyLabel: "Reading the job…" });
  } }, field("Job description", text, "Paste the whole posting: title, company, requirements."), alert, h("div", { class: "actions" }, add));

  main.append(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Jobs"),
      h("p", { class: "muted" }, "Paste a posting, see how your profile matches, then generate a tailored resume and cover letter."))),
    h("div", { class: "grid jobs-layout" },
      h("div", { class: "stack" }, card("New job", [form]), card("Your jobs", [listEl])),
      detail));

  function renderList() {
    fill(listEl, jobs.length ? jobs.map((j) => h("li", null,
      h("button", { type: "button", class: "job-link", "aria-current": j.id === selected ? "true" : false, onclick: () => select(j.id) },
        h("span", { class: "job-title" }, j.title ?? "Untitled job"),
        h("span", { class: "meta" }, [j.company, REMOTE[/** @type {keyof typeof REMOTE} */ (j.remoteMode)]].filter(Boolean).join(" · ")))))
      : h("li", { class: "empty" }, "No jobs yet. Paste a description to start."));
  }

  /** @param {string} id */
  function select(id) {
    selected = id;
    history.replaceState(null, "", `#/jobs?id=${encodeURIComponent(id)}`);
    renderList();
    const job = jobs.find((j) => j.id === id);
    stopTools();
    if (!job) return fill(detail, h("div", { class: "card empty-state" }, h("h2", null, "Pick a job"), h("p", { class: "muted" }, "Choose a job on the left, or paste a new one.")));
    fill(detail, jobHeader(job));
    const tools = jobTools(job);
    detail.append(tools.el);
    stopTools = tools.stop;
  }

  void gql(JOBS).then((d) => {
    jobs = d.jobs.edges.map((/** @type {any} */ e) => e.node);
    renderList();
    select(selected && jobs.some((j) => j.id === selected) ? selected : jobs[0]?.id ?? "");
  }, (e) => toast(messageOf(e), "error"));
  renderList();

  return () => stopTools();
}

/** @param {any} job */
function jobHeader(job) {
  const salary = job.salary && (job.salary.min || job.salary.max)
    ? `${job.salary.currency ?? ""} ${[job.salary.min, job.salary.max].filter(Boolean).map((n) => Number(n).toLocaleString("en")).join("–")}${job.salary.period ? ` / ${job.salary.period.toLowerCase()}` : ""}`.trim()
    : null;
  const required = job.requirements.filter((/** @type {any} */ r) => r.required);
  return h("section", { class: "card job-head", "aria-labelledby": "job-title" },
    h("h2", { id: "job-title" }, job.title ?? "Untitled job"),
    h("p", { class: "meta" }, [job.company, job.location, REMOTE[/** @type {keyof typeof REMOTE} */ (job.remoteMode)], job.yearsExperience ? `${job.yearsExperience}+ years` : null, salary].filter(Boolean).join(" · ")),
    job.keywords.length ? h("p", { class: "chips", "aria-label": "Keywords" }, job.keywords.slice(0, 16).map((/** @type {string} */ k) => h("span", { class: "chip" }, k))) : null,
    required.length ? h("details", null, h("summary", null, `${required.length} required qualification${required.length === 1 ? "" : "s"}`),
      h("ul", { class: "bullets" }, required.map((/** @type {any} */ r) => h("li", null, r.text)))) : null);
}
