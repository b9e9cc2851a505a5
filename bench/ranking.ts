// Ranking benchmark: 1,000 bullets (100 experiences × 10) against a parsed job.
// Run: npx tsx bench/ranking.ts
import { pathToFileURL } from "node:url";
import { parseJobText } from "../src/core/job-parser.ts";
import { rankProfile } from "../src/core/ranking.ts";
import type { ExperienceData, ProfileData } from "../src/core/types.ts";

const JOB = `Senior Backend Engineer
Acme Payments · Remote (US)

Requirements
- 5+ years building backend services in Go or Java
- PostgreSQL, Redis and Kafka in production
- Kubernetes and Docker on AWS; Terraform
- Strong grasp of distributed systems and REST APIs

Nice to have
- gRPC, Prometheus, Grafana
- Experience in fintech

Responsibilities
- Design and operate payment services handling millions of transactions
- Mentor engineers and lead code review`;

const VERBS = ["Built", "Designed", "Migrated", "Scaled", "Operated", "Automated", "Refactored", "Led", "Shipped", "Reduced latency of"];
const THINGS = ["a billing service", "the ledger API", "an event pipeline", "the search cluster", "a reporting dashboard", "the checkout flow", "an internal CLI", "the data warehouse", "a fraud model", "the mobile backend"];
const TECH = ["Go", "Java", "PostgreSQL", "Redis", "Kafka", "k8s", "Docker", "AWS", "Terraform", "React", "Python", "MySQL", "gRPC", "Prometheus", "Excel", "Salesforce"];

/** Deterministic 1,000-bullet profile: the same on every run and every machine. */
export function benchProfile(experiences = 100, bulletsEach = 10): ProfileData {
  const list: ExperienceData[] = [];
  for (let e = 0; e < experiences; e++) {
    const bullets: string[] = [];
    for (let b = 0; b < bulletsEach; b++) {
      const n = e * bulletsEach + b;
      bullets.push(
        `${VERBS[n % VERBS.length]} ${THINGS[(n * 7) % THINGS.length]} with ${TECH[(n * 3) % TECH.length]} and ${TECH[(n * 5 + 1) % TECH.length]}, serving ${(n % 9) + 1}M requests a day`,
      );
    }
    const year = 2024 - (e % 20);
    list.push({
      id: `exp-${String(e).padStart(3, "0")}`,
      title: e % 3 === 0 ? "Senior Software Engineer" : "Software Engineer",
      company: `Company ${e}`,
      startDate: `${year - 2}-01`,
      endDate: e === 0 ? null : `${year}-06`,
      current: e === 0,
      bullets,
      technologies: [TECH[e % TECH.length], TECH[(e + 4) % TECH.length]],
    });
  }
  return {
    links: [],
    skills: { technical: TECH, soft: ["Mentoring"], languages: ["English"], certifications: [] },
    experiences: list,
    projects: [],
    education: [],
  };
}

export function benchRanking(runs = 5): { bullets: number; ms: number } {
  const job = parseJobText(JOB);
  const profile = benchProfile();
  const now = new Date("2025-06-01T00:00:00Z");
  const times: number[] = [];
  let bullets = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const ranking = rankProfile(profile, job, { now });
    times.push(performance.now() - start);
    bullets = ranking.items.filter((item) => item.kind === "BULLET").length;
  }
  times.sort((a, b) => a - b);
  return { bullets, ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bullets, ms } = benchRanking();
  console.log(`ranked ${bullets} bullets (100 experiences × 10) in ${ms} ms (median of 5 runs)`);
}
