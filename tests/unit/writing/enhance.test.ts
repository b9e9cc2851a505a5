import { describe, expect, it } from "vitest";
import {
  enhanceBullet,
  enhanceBullets,
  enhanceSummary,
  explainChanges,
  fillerReplacementWords,
  verbLemma,
} from "../../../src/core/enhance.ts";
import { extractFacts } from "../../../src/core/grounding.ts";
import { findSkills } from "../../../src/core/lexicon.ts";
import type { WritingStyle } from "../../../src/core/types.ts";
import { style } from "./fixtures.ts";

const PAST = { style: style(), current: false };
const NOW = { style: style(), current: true };
const NOW_THIRD = { style: style({ person: "THIRD" }), current: true };
const NOW_PAST_STYLE = { style: style({ tense: "PAST" }), current: true };
const PERIOD = { style: style({ bulletsEndWithPeriod: true }), current: false };

type Ctx = { style: WritingStyle; current: boolean };

// Before → after, as a user would read them in the enhancement preview.
const PAIRS: [string, Ctx, string][] = [
  ["Responsible for managing a team of 5", PAST, "Managed a team of 5"],
  ["Responsible for managing a team of 5", NOW, "Manage a team of 5"],
  ["Responsible for managing a team of 5", NOW_THIRD, "Manages a team of 5"],
  ["Responsible for managing a team of 5", NOW_PAST_STYLE, "Managed a team of 5"],
  ["• Worked on the billing API using Node.js and PostgreSQL.", PAST, "Developed the billing API using Node.js and PostgreSQL"],
  ["Worked on customer onboarding for Acme Corp", PAST, "Contributed to customer onboarding for Acme Corp"],
  ["Worked on building a Terraform module library", PAST, "Built a Terraform module library"],
  ["Helped with migrating 40 services to k8s", PAST, "Helped migrate 40 services to k8s"],
  ["Helped to build the onboarding flow", PAST, "Helped build the onboarding flow"],
  ["Was involved in the redesign of the checkout flow, increasing conversion by 12%", PAST, "Helped redesign the checkout flow, increasing conversion by 12%"],
  ["Successfully launched various new features in order to improve retention", PAST, "Launched new features to improve retention"],
  ["Utilized Python and SQL to analyze a number of datasets, etc.", PAST, "Used Python and SQL to analyze datasets"],
  ["Responsible for the development and maintenance of the payments platform at Stripe", PAST, "Developed and maintained the payments platform at Stripe"],
  ["Responsible for designing and implementing the REST API", PAST, "Designed and implemented the REST API"],
  ["Responsible for designing and implementing the REST API", NOW, "Design and implement the REST API"],
  ["Tasked with reducing AWS costs by $1.2M annually", PAST, "Reduced AWS costs by $1.2M annually"],
  ["Participated in code reviews", PAST, "Contributed to code reviews"],
  ["Duties included payroll and scheduling for 30 staff", PAST, "Managed payroll and scheduling for 30 staff"],
  ["Led a team of 8 on the Apollo project", NOW, "Lead a team of 8 on the Apollo project"],
  ["Leads a team of 8 on the Apollo project", PAST, "Led a team of 8 on the Apollo project"],
  ["Managing a really large Kafka cluster", PAST, "Managed a large Kafka cluster"],
  ["I was responsible for training new hires", PAST, "Trained new hires"],
  ["Worked closely with the design team at Google to ship 3 features", PAST, "Collaborated closely with the design team at Google to ship 3 features"],
  ["Also, basically rewrote the entire test suite in Jest", NOW, "Rewrite the entire test suite in Jest"],
  ["Assisted in the preparation of quarterly reports for the CFO", PAST, "Helped prepare quarterly reports for the CFO"],
  ["In charge of an extremely large budget of $2M", PAST, "Managed a large budget of $2M"],
  ["responsible for a team of 12 nurses", PERIOD, "Led a team of 12 nurses."],
  ["-   Built   dashboards in Grafana ;", PERIOD, "Built dashboards in Grafana."],
  ["Responsible for the development team", PAST, "Led the development team"],
  ["Dealt with escalations from 20 enterprise clients", NOW, "Handle escalations from 20 enterprise clients"],
  ["Was a member of the on-call rotation", PAST, "Contributed to the on-call rotation"],
  // Left alone: a noun phrase, a role title, an ambiguous gerund, a deliberate lowercase brand.
  ["Testing framework for the mobile app", PAST, "Testing framework for the mobile app"],
  ["Lead engineer for the search team", PAST, "Lead engineer for the search team"],
  ["Responsible for planning sprints for 2 teams", PAST, "Responsible for planning sprints for 2 teams"],
  ["iOS app redesign for 3 markets", PAST, "iOS app redesign for 3 markets"],
];

describe("enhanceBullet: before → after", () => {
  it.each(PAIRS)("%s", (before, ctx, after) => {
    expect(enhanceBullet(before, ctx)).toBe(after);
  });
});

describe("enhanceBullet: skill keywords", () => {
  it("keeps a weak opener rather than lose the skill its gerund names", () => {
    // "Coaching" is a lexicon skill; "Coached" is one only if the lexicon lists the inflection.
    const out = enhanceBullet("Responsible for coaching 3 junior developers", PAST);
    expect(findSkills(out).map((s) => s.canonical)).toContain("Coaching");
    expect(out).toMatch(/^(Coached|Responsible for coaching) 3 junior developers$/);
  });
});

describe("enhanceBullets", () => {
  it("keeps one output per input, in order, and empty bullets empty", () => {
    const out = enhanceBullets(["Responsible for vendor contracts", "", "  Worked on the search API  "], PAST);
    expect(out).toEqual(["Managed vendor contracts", "", "Developed the search API"]);
  });

  it("follows the style's full stop either way", () => {
    expect(enhanceBullets(["Built a CLI."], { style: style({ bulletsEndWithPeriod: false }), current: false })).toEqual(["Built a CLI"]);
    expect(enhanceBullets(["Built a CLI"], { style: style({ bulletsEndWithPeriod: true }), current: false })).toEqual(["Built a CLI."]);
  });

  it("is deterministic", () => {
    const input = PAIRS.map(([b]) => b);
    expect(enhanceBullets(input, NOW)).toEqual(enhanceBullets(input, NOW));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over a wider corpus: what the enhancer must never do, whatever the bullet.

const CORPUS = [
  ...PAIRS.map(([b]) => b),
  "Responsible for the $450K annual budget across 3 regions at Initech",
  "Helped with the rollout of Datadog monitoring to 25 microservices",
  "Participated in hiring 7 engineers for the Berlin office",
  "Worked on various internal tools in Go and Rust, etc.",
  "Successfully negotiated contracts worth €3.5 million with Siemens and Bosch",
  "In order to reduce churn, analysed 10,000 support tickets in Zendesk",
  "Tasked with the migration of 2 legacy Oracle databases to Amazon RDS",
  "Was responsible for onboarding 15 new clients per quarter",
  "Basically ran the weekly release train for the iOS and Android apps",
  "Duties included triage of up to 40 patients per shift at St Mary's Hospital",
  "Worked with the finance team on Q3 forecasting in Excel",
  "Assisted with the implementation of SAP S/4HANA for 1,200 users",
  "Really improved test coverage from 45% to 80% using Jest and Cypress",
  "Responsible for the care of up to 8 patients on a 28-bed ward",
  "Helped with customer onboarding, training and support for 3x more accounts",
];

const CONTEXTS: Ctx[] = [PAST, NOW, NOW_THIRD, PERIOD];

function lemma(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  const verb = verbLemma(w);
  if (verb) return verb;
  return w.length > 4 ? w.replace(/(ing|ed|es|s|ly|e)$/, "") : w;
}

function stems(text: string): Set<string> {
  return new Set((text.match(/[\p{L}][\p{L}\p{N}'’+#.-]*[\p{L}\p{N}+#]|[\p{L}]/gu) ?? []).map(lemma));
}

/** The verbs the enhancer put first: the only words it may choose on its own. */
function openingVerbs(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/[\s,]+/)) {
    if (verbLemma(w.toLowerCase())) out.push(lemma(w));
    else if (w.toLowerCase() !== "and") break;
  }
  return out;
}

describe("enhanceBullet: properties", () => {
  for (const bullet of CORPUS) {
    it(`keeps every fact and adds nothing: ${bullet}`, () => {
      for (const ctx of CONTEXTS) {
        const out = enhanceBullet(bullet, ctx);
        // Numbers survive (same value and same written form).
        expect(extractFacts(out).numbers).toEqual(expect.arrayContaining(extractFacts(bullet).numbers));
        // Every lexicon skill, of any category, survives.
        const outSkills = findSkills(out).map((s) => s.canonical);
        for (const s of findSkills(bullet)) expect(outSkills).toContain(s.canonical);
        // Capitalised names survive.
        for (const name of extractFacts(bullet).organisations) expect(out).toContain(name);
        // No new word except the opening verbs, the particles of "contribute to" / "collaborate
        // with", articles and the documented short forms ("in order to" → "to").
        const allowed = new Set([...openingVerbs(out), "to", "with", "a", "an", ...fillerReplacementWords().map(lemma)]);
        const before = stems(bullet);
        const added = [...stems(out)].filter((s) => !before.has(s) && !allowed.has(s));
        expect(added).toEqual([]);
        // Never longer than the source beyond the opener swap.
        expect(out.split(/\s+/).length).toBeLessThanOrEqual(bullet.split(/\s+/).length + 1);
        expect(out).toMatch(/^[^\p{Ll}]|^iOS/u);
        expect(out).not.toMatch(/\s{2}/);
      }
    });
  }
});

describe("enhanceSummary", () => {
  it("drops filler and a leading 'I am a' for an implied-person style", () => {
    const out = enhanceSummary(
      "I am a backend engineer with 8 years of experience.  i successfully built very scalable systems at Acme",
      style({ person: "IMPLIED" }),
    );
    expect(out).toBe("Backend engineer with 8 years of experience. I built scalable systems at Acme.");
  });

  it("keeps the first person for a first-person style", () => {
    const out = enhanceSummary("I am a nurse with 6 years in acute care, and I really enjoy teaching.", style({ person: "FIRST" }));
    expect(out).toBe("I am a nurse with 6 years in acute care, and I enjoy teaching.");
  });

  it("keeps numbers, names and skills", () => {
    const src = "Data engineer at Bank of America since 2019; utilized Spark and Airflow in order to process 2TB a day";
    const out = enhanceSummary(src, style());
    for (const n of extractFacts(src).numbers) expect(extractFacts(out).numbers).toContain(n);
    for (const s of findSkills(src)) expect(findSkills(out).map((x) => x.canonical)).toContain(s.canonical);
    expect(out).toContain("Bank of America");
    expect(out).toContain("used Spark and Airflow to process");
  });

  it("returns an empty summary as empty", () => {
    expect(enhanceSummary("   ", style())).toBe("");
  });
});

describe("explainChanges", () => {
  it("names the weak opener, the filler and the punctuation", () => {
    const before = "Responsible for successfully managing various vendors in order to cut costs";
    const after = enhanceBullet(before, PERIOD);
    const notes = explainChanges(before, after);
    expect(notes).toContain('Replaced the weak opener "Responsible for" with "Managed"');
    expect(notes).toContain('Shortened "in order to" to "to"');
    expect(notes.some((n) => n.includes("successfully") && n.includes("various"))).toBe(true);
    expect(notes).toContain("Added a closing full stop to match the style");
  });

  it("notes a tense change", () => {
    expect(explainChanges("Led the data team", "Lead the data team")).toEqual(['Changed "Led" to "Lead" to match the tense']);
  });

  it("has nothing to say when nothing changed", () => {
    expect(explainChanges("Built a CLI", "Built a CLI")).toEqual([]);
  });
});
