import { describe, expect, it } from "vitest";
import { enhanceBullet } from "../../../src/core/enhance.ts";
import { checkGrounding, extractFacts, jobTexts, profileTexts } from "../../../src/core/grounding.ts";
import { engineer, engineerJob, style } from "./fixtures.ts";

describe("extractFacts", () => {
  it("normalises numbers as written", () => {
    const facts = extractFacts("Cut costs by 40 % ($1.2M) with 5 people, grew 3x since 2019, served 10,000 users and 12 percent more");
    expect(facts.numbers).toEqual(["40%", "$1.2M", "5", "3x", "2019", "10000", "12%"]);
  });

  it("reads small number words as numbers", () => {
    expect(extractFacts("Led a team of five across twenty-two sites").numbers).toEqual(["5", "22"]);
  });

  it("does not read digits inside names as numbers", () => {
    expect(extractFacts("Stored backups in S3 with 2FA, in Q3, for B2B clients on ES6").numbers).toEqual([]);
  });

  it("finds organisations but not sentence starts, months, letter formulas or job-title words", () => {
    const facts = extractFacts(
      "Dear Hiring Manager,\n\nIn March I joined Globex Corporation as a Senior Backend Engineer. Led work with Bank of America and Procter & Gamble. Sincerely,\nJane Doe",
    );
    expect(facts.organisations).toEqual(["Globex Corporation", "Bank of America", "Procter & Gamble", "Jane Doe"]);
  });

  it("keeps a possessive organisation without its 's", () => {
    expect(extractFacts("Led Acme's migration to the cloud").organisations).toEqual(["Acme"]);
  });

  it("reports technologies by canonical name, and not as organisations", () => {
    const facts = extractFacts("Moved the Rails app from Heroku to k8s with Postgres");
    expect(facts.technologies).toEqual(expect.arrayContaining(["Ruby on Rails", "Heroku", "Kubernetes", "PostgreSQL"]));
    expect(facts.organisations).toEqual([]);
  });

  it("ignores URLs and e-mail addresses", () => {
    const facts = extractFacts("See https://github.com/jane/app2024 or mail jane.doe99@example.com");
    expect(facts.numbers).toEqual([]);
    expect(facts.organisations).toEqual([]);
  });
});

// Honest rewrites and letters: every fact is in a source, only the wording changed.
const HONEST: [string, string[]][] = [
  ["Managed a team of 5 engineers", ["Responsible for managing a team of 5 engineers"]],
  ["Reduced AWS costs by $1.2M annually", ["Tasked with reducing AWS costs by $1,200,000 annually"]],
  ["Cut latency by 40%", ["cut latency by 40 %"]],
  ["Cut latency by 40%", ["cut latency by 40 percent"]],
  ["Migrated 40 services to Kubernetes", ["Helped with migrating 40 services to k8s"]],
  ["Led a team of five", ["Led a team of 5"]],
  ["Built the payments API for Acme Inc", ["Acme", "Built the payments API"]],
  ["I worked with Goldman Sachs on 2 launches", ["Goldman Sachs", "2 launches"]],
  ["I graduated from the University of Leeds in 2016", ["University of Leeds", "2016"]],
  ["In March 2021 I joined Globex on a Monday.", ["Globex", "2021-03"]],
  ["Grew revenue 3x", ["grew revenue 3x in two years"]],
  ["Partnered with Procter & Gamble and Johnson & Johnson", ["Clients: Procter & Gamble, Johnson & Johnson"]],
  ["Rebuilt the Billing Service", ["rebuilt the billing service"]],
  ["Used PostgreSQL and Node.js daily", ["postgres", "NodeJS"]],
  ["Passionate about payments, I built the ledger", ["built the ledger"]],
  ["Dear Ms. Patel,", ["Priya Patel"]],
  ["As a Senior Engineer on the Platform Team, I care about reliability.", []],
  ["Thank you for your consideration. I look forward to hearing from you.\n\nKind regards,\nJane Doe", ["Jane Doe"]],
  [
    "Dear Hiring Manager,\n\nI am applying for the Staff Platform Engineer position at Acme Cloud. At Globex Payments, I lead the migration of 40 services to Kubernetes.\n\nBest regards,\nJane Doe",
    [...profileTexts(engineer), ...jobTexts(engineerJob)],
  ],
  ["Reach me at jane.doe@example.com or +44 20 7946 0958.", ["jane.doe@example.com", "+44 20 7946 0958"]],
  // Numbers keep their unit and role across rewordings.
  ["Made the build 3 times faster", ["made the build 3x faster"]],
  ["Made the build threefold faster", ["made the build 3× faster"]],
  ["Cut costs by 40 percent", ["cut costs by 40%"]],
  ["Managed 5 senior engineers", ["managed a team of 5 engineers"]],
  ["Migrated 12 backend services", ["migrated 12 services"]],
  ["Over 5 years with Python", ["5+ years of Python"]],
  ["Earned €70,000 a year", ["EUR 70000"]],
  ["Served 2M users", ["served 2,000,000 users"]],
  ["Built the front end in JS", ["JavaScript"]],
];

// Invented facts: each generated text adds exactly one thing the sources do not have.
const INVENTED: [string, string[], { kind: "number" | "organisation" | "technology"; value: string }][] = [
  ["Managed a team of 6 engineers", ["Managed a team of 5 engineers"], { kind: "number", value: "6" }],
  ["Reduced costs by 45%", ["Reduced costs by 40%"], { kind: "number", value: "45%" }],
  ["Saved $2M a year", ["Saved $1.2M a year"], { kind: "number", value: "$2M" }],
  ["Joined in 2018", ["Joined in 2019"], { kind: "number", value: "2018" }],
  ["Led a team of five", ["Led a small team"], { kind: "number", value: "5" }],
  ["Cut latency 3x", ["Cut latency"], { kind: "number", value: "3x" }],
  ["Handled 10,000 tickets", ["Handled 1,000 tickets"], { kind: "number", value: "10000" }],
  ["Built the API at Google", ["Built the API at Acme"], { kind: "organisation", value: "Google" }],
  ["Partnered with Goldman Sachs", ["Partnered with banks"], { kind: "organisation", value: "Goldman Sachs" }],
  ["I studied at Stanford University", ["University of Leeds"], { kind: "organisation", value: "Stanford University" }],
  ["Dear Ms. Smith,", ["Jane Doe"], { kind: "organisation", value: "Smith" }],
  ["I worked with the Bank of England", ["worked with the bank"], { kind: "organisation", value: "Bank of England" }],
  ["Joined IBM in 2020", ["Joined in 2020"], { kind: "organisation", value: "IBM" }],
  [
    "I am applying for the Backend Engineer role at Acme Cloud. Before that I shipped payments at Initech.",
    ["Backend Engineer", "Acme Cloud", "shipped payments"],
    { kind: "organisation", value: "Initech" },
  ],
  ["Migrated services to Kubernetes", ["Migrated services to Docker Swarm"], { kind: "technology", value: "Kubernetes" }],
  ["Wrote the services in Rust", ["Wrote the services in Go"], { kind: "technology", value: "Rust" }],
  ["Deployed functions on AWS Lambda", ["Deployed functions on AWS"], { kind: "technology", value: "AWS Lambda" }],
  ["Built dashboards in Tableau", ["Built dashboards in Grafana"], { kind: "technology", value: "Tableau" }],
  ["Stored events in MongoDB", ["Stored events in PostgreSQL"], { kind: "technology", value: "MongoDB" }],
  ["Tested the app with Cypress", ["Tested the app with Jest"], { kind: "technology", value: "Cypress" }],
  // The same value in another role grounds nothing (issue 9: a lone "3" grounded "3x faster").
  ["Made the build 3x faster", ["Mentored 3 engineers"], { kind: "number", value: "3x" }],
  ["Made the build three times faster", ["Mentored 3 engineers"], { kind: "number", value: "3" }],
  ["Cut costs by 40%", ["Led 40 engineers"], { kind: "number", value: "40%" }],
  ["Saved $2M", ["Processed 2M events a day"], { kind: "number", value: "$2M" }],
  ["Saved €2M", ["Saved $2M"], { kind: "number", value: "€2M" }],
  ["Hired 12 engineers", ["Migrated 12 services"], { kind: "number", value: "12" }],
  ["Founded the team in 2000", ["Resolved 2,000 tickets"], { kind: "number", value: "2000" }],
  ["Brings 5 years of experience", ["Mentored 5 interns"], { kind: "number", value: "5" }],
  ["Finished 1st of 40", ["Led 1 team of 40"], { kind: "number", value: "1st" }],
  // Technologies on word boundaries, in the lexicon's case.
  ["Wrote services in Go", ["going forward we go live"], { kind: "technology", value: "Go" }],
  ["Built services in Java", ["Built services in JavaScript"], { kind: "technology", value: "Java" }],
  ["Wrote the core in Scala", ["Built a scalable core"], { kind: "technology", value: "Scala" }],
  ["Wrote the agent in Rust", ["Earned the trust of clients"], { kind: "technology", value: "Rust" }],
  ["Partnered with Meta", ["Managed metadata"], { kind: "organisation", value: "Meta" }],
];

describe("checkGrounding: honest text passes", () => {
  it.each(HONEST)("%s", (generated, sources) => {
    expect(checkGrounding(generated, sources)).toEqual({ ok: true, violations: [] });
  });
});

describe("checkGrounding: invented facts are caught", () => {
  it.each(INVENTED)("%s", (generated, sources, violation) => {
    const result = checkGrounding(generated, sources);
    expect(result.ok).toBe(false);
    expect(result.violations).toEqual([violation]);
  });
});

describe("checkGrounding on the enhancer's own output", () => {
  it("every enhanced bullet of a real profile is grounded in its original", () => {
    for (const exp of engineer.experiences) {
      for (const b of exp.bullets) {
        const out = enhanceBullet(`Responsible for ${b.charAt(0).toLowerCase()}${b.slice(1)}`, { style: style(), current: exp.current });
        expect(checkGrounding(out, [b]).violations).toEqual([]);
      }
    }
  });

  it("reports several violations at once, each once", () => {
    const result = checkGrounding("Saved $3M at Initech and again $3M at Initech using Rust", ["Saved money"]);
    expect(result.violations).toEqual([
      { kind: "number", value: "$3M" },
      { kind: "technology", value: "Rust" },
      { kind: "organisation", value: "Initech" },
    ]);
  });
});

describe("profileTexts / jobTexts", () => {
  it("cover every field a letter may quote", () => {
    const sources = profileTexts(engineer);
    expect(sources).toEqual(expect.arrayContaining(["Jane Doe", "Globex Payments", "University of Leeds", "2021-03", "OpenLedger"]));
    // Years of experience carry their unit: a bare "5" would ground any 5 (issue 9).
    expect(jobTexts(engineerJob)).toEqual(expect.arrayContaining(["Staff Platform Engineer", "Acme Cloud", "5 years"]));
  });
});
