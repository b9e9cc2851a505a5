// Career advisor: retrieval over a realistic account (40 experiences, 20 saved jobs, 20 documents),
// the builtin answer through the server (sendMessage → last streamed event), and the time to the
// first streamed token with a fake model that takes 300 ms before it answers.
//   npx tsx bench/advisor.ts
import { pathToFileURL } from "node:url";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { db } from "../src/db/client.ts";
import { questionFilters } from "../src/core/advisor/filters.ts";
import { detectIntent } from "../src/core/advisor/intents.ts";
import { retrieve } from "../src/modules/advisor/retrieval.ts";
import { startFakeGroq } from "../tests/support/fake-groq.ts";
import type { TestServer } from "../tests/support/server.ts";
import { gql, median, ms, percentile, register, seedExperiences, target, unwrap, withServer, type Section } from "./lib.ts";

const QUESTIONS = [
  "Which roles used Kafka?",
  "What did I do in 2019?",
  "Where did I use Kubernetes and Terraform?",
  "Tell me about my role at Company 12",
  "What skills do I have?",
  "What career paths make sense for me?",
  "Which projects used React?",
  "How did I mentor engineers?",
];
const FIRST_TOKEN_LATENCY_MS = 300;

export interface AdvisorResult {
  coldIndexMs: number;
  retrieval: number[];
  builtinAnswer: number[];
  firstToken: number[];
}

async function seedAccount(server: TestServer): Promise<{ token: string; userId: string }> {
  const token = await register(server.url);
  await seedExperiences(server.url, token, 40);
  const userId = (await gql<{ me: { id: string } }>(server.url, "{ me { id } }", undefined, token)).me.id;
  const jobs = [];
  for (let i = 0; i < 20; i++) {
    const fields = { title: `Backend Engineer ${i}`, company: `Employer ${i}`, description: `Build services in Go and Kafka for team ${i}. Run them on Kubernetes.`, requirements: ["3+ years of Go", "Kafka in production", "Kubernetes"] };
    jobs.push(gql(server.url, `mutation($input: CreateJobInput!) { createJob(input: $input) { __typename ... on Error { message } } }`, { input: { fields } }, token));
  }
  await Promise.all(jobs);
  // Saved documents are generations the user kept; written directly, their text is what counts here.
  await db().document.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      userId,
      type: "COVER_LETTER" as const,
      format: "TEXT" as const,
      title: `Cover letter ${i}`,
      content: `Dear hiring team,\n\nI built Kafka pipelines and led migrations to Kubernetes at Company ${i}.\nI mentored ${i + 2} engineers.\n\nKind regards`,
    })),
  });
  return { token, userId };
}

function ask(server: TestServer, token: string, conversationId: string, content: string): Promise<{ sent: number; reply: string }> {
  const sent = performance.now();
  return gql(server.url, `mutation($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on MutationSendMessageSuccess { data { reply { id } } } ... on Error { message } } }`, { input: { conversationId, content } }, token).then(
    (d) => ({ sent, reply: unwrap<{ reply: { id: string } }>(d.sendMessage).reply.id }),
  );
}

/** Milliseconds from sending the question to the first non-empty delta and to the last event. */
function follow(server: TestServer, token: string, messageId: string, sent: number): Promise<{ first: number; last: number }> {
  const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  let first = Number.NaN;
  return new Promise((resolve, reject) => {
    client.subscribe<{ advisorReply: { delta: string; done: boolean } }>(
      { query: `subscription($id: ID!) { advisorReply(messageId: $id) { delta done } }`, variables: { id: messageId } },
      {
        next: (e) => {
          if (Number.isNaN(first) && e.data?.advisorReply.delta) first = performance.now() - sent;
        },
        error: reject,
        complete: () => resolve({ first, last: performance.now() - sent }),
      },
    );
  }).finally(() => client.dispose()) as Promise<{ first: number; last: number }>;
}

async function newConversation(server: TestServer, token: string): Promise<string> {
  const d = await gql(server.url, `mutation { startConversation(input: {}) { __typename ... on MutationStartConversationSuccess { data { conversation { id } } } ... on Error { message } } }`, undefined, token);
  return unwrap<{ conversation: { id: string } }>(d.startConversation).conversation.id;
}

export async function benchAdvisor(rounds = 25): Promise<AdvisorResult> {
  const builtin = await withServer({}, async (server) => {
    const { token, userId } = await seedAccount(server);
    const questions = QUESTIONS.map((q) => {
      const filters = questionFilters(q);
      return { q, filters, intent: detectIntent(q, filters, { inInterview: false }) };
    });
    let started = performance.now();
    await retrieve(userId, questions[0]!.q, questions[0]!.intent, questions[0]!.filters);
    const coldIndexMs = performance.now() - started;
    const retrieval: number[] = [];
    const perQuestion = new Map<string, number[]>();
    for (let i = 0; i < rounds * QUESTIONS.length; i++) {
      const { q, intent, filters } = questions[i % questions.length]!;
      started = performance.now();
      await retrieve(userId, q, intent, filters);
      const took = performance.now() - started;
      retrieval.push(took);
      perQuestion.set(q, [...(perQuestion.get(q) ?? []), took]);
    }
    if (process.env.ADVISOR_BENCH_DETAIL) for (const [q, t] of perQuestion) console.log(`${q}: p50 ${ms(median(t))} p95 ${ms(percentile(t, 95))}`);
    const builtinAnswer: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const conversationId = await newConversation(server, token);
      const { sent, reply } = await ask(server, token, conversationId, QUESTIONS[i % QUESTIONS.length]!);
      builtinAnswer.push((await follow(server, token, reply, sent)).last);
    }
    return { coldIndexMs, retrieval, builtinAnswer };
  });
  const fake = await startFakeGroq();
  fake.setLatency(FIRST_TOKEN_LATENCY_MS);
  fake.setHandler(() => ({ chunks: ["Your profile shows ", "Kafka in several roles."] }));
  try {
    const firstToken = await withServer({ GROQ_API_KEY: "bench", GROQ_BASE_URL: fake.url, RATE_AI_PER_HOUR: "100000" }, async (server) => {
      const token = await register(server.url);
      await seedExperiences(server.url, token, 40);
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const conversationId = await newConversation(server, token);
        const { sent, reply } = await ask(server, token, conversationId, "Which roles used Kafka?");
        out.push((await follow(server, token, reply, sent)).first);
      }
      return out;
    });
    return { ...builtin, firstToken };
  } finally {
    await fake.close();
  }
}

export function advisorSection(r: AdvisorResult): Section {
  const p95 = percentile(r.retrieval, 95);
  const ft = median(r.firstToken);
  return {
    title: "Advisor (40 experiences, 20 jobs, 20 documents)",
    rows: [
      { metric: "first question: index the account + retrieve", value: ms(r.coldIndexMs) },
      { metric: "retrieval p50 / p95 (index up to date)", value: `${ms(median(r.retrieval))} / ${ms(p95)}`, target: target(p95, 20, "20 ms") },
      { metric: "builtin answer through the server p50 / p95", value: `${ms(median(r.builtinAnswer))} / ${ms(percentile(r.builtinAnswer, 95))}` },
      { metric: `first streamed token, model at ${FIRST_TOKEN_LATENCY_MS} ms, p50 / max`, value: `${ms(ft)} / ${ms(Math.max(...r.firstToken))}`, target: target(ft, FIRST_TOKEN_LATENCY_MS * 1.2, `${FIRST_TOKEN_LATENCY_MS * 1.2} ms`) },
    ],
    notes: [
      "Retrieval is retrieve() in process: fingerprint check, FTS5 bm25 search, period filter, defusing (bench/advisor.ts).",
      "Builtin answer: sendMessage over HTTP until the last advisorReply event over graphql-ws, a fresh conversation each time.",
      "First token: from sending sendMessage to the first non-empty delta over graphql-ws, against the fake Groq server.",
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { renderSection } = await import("./lib.ts");
  console.log(renderSection(advisorSection(await benchAdvisor())));
  process.exit(0);
}
