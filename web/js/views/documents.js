// @ts-check
/** Saved documents, newest first, each downloadable as PDF or DOCX. */
import { gql } from "../api.js";
import { fill, h, messageOf, toast } from "../ui.js";
import { downloadButtons } from "./job-tools.js";

const DOCUMENTS = `query Documents { documents(first: 50) { edges { node { id title type version updatedAt downloadPath job { id title company } } } } }`;

/** @param {HTMLElement} main */
export function renderDocuments(main) {
  const list = h("div", { class: "card" }, h("p", { class: "muted" }, "Loading…"));
  main.append(
    h("div", { class: "page-head" }, h("div", null, h("h1", null, "Documents"), h("p", { class: "muted" }, "Resumes and cover letters you saved, ready to send."))),
    list);
  void gql(DOCUMENTS).then((d) => {
    const docs = d.documents.edges.map((/** @type {any} */ e) => e.node);
    fill(list, docs.length
      ? h("table", { class: "table" },
          h("caption", { class: "sr-only" }, "Saved documents"),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Title"), h("th", { scope: "col" }, "Kind"), h("th", { scope: "col" }, "Job"), h("th", { scope: "col" }, "Saved"), h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Downloads")))),
          h("tbody", null, docs.map((/** @type {any} */ doc) => h("tr", null,
            h("th", { scope: "row" }, doc.title, doc.version > 1 ? h("span", { class: "meta" }, ` v${doc.version}`) : null),
            h("td", null, doc.type === "COVER_LETTER" ? "Cover letter" : "Resume"),
            h("td", null, doc.job ? h("a", { href: `#/jobs?id=${encodeURIComponent(doc.job.id)}` }, [doc.job.title, doc.job.company].filter(Boolean).join(" · ")) : "—"),
            h("td", null, new Date(doc.updatedAt).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" })),
            h("td", { class: "row end" }, downloadButtons(doc))))))
      : [h("h2", null, "No documents yet"), h("p", { class: "muted" }, "Generate a resume or cover letter for a job, then save it here.")]);
  }, (e) => toast(messageOf(e), "error"));
}
