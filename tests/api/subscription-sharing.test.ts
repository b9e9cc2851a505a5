// A subscription event is executed once per (document, variables, viewer), not once per subscriber
// (src/graphql/shared-subscription.ts). Through the real server and graphql-ws: each user gets only
// their own events, an event reaching several subscribers of one user is executed once, and one
// payload object reaching two users is executed once for each of them, never shared across.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { graphql } from "../gql/index.ts";
import { collect, startServer, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { pubsub } from "../../src/pubsub.ts";
import { sharedSubscriptionStats } from "../../src/graphql/shared-subscription.ts";
import type { Notification } from "../../src/generated/prisma/client.ts";

const NotesDoc = graphql(`subscription SharedNotes { notificationAdded { id title } }`);

let server: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await server?.stop();
});

let serial = 0;
const note = (userId: string, title: string): Notification => ({
  id: `note-${++serial}`,
  userId,
  kind: "WEEKLY_DIGEST",
  title,
  body: "",
  enhancementJobId: null,
  jobId: null,
  documentId: null,
  readAt: null,
  createdAt: new Date(),
}) as unknown as Notification;

describe("subscription events executed once per viewer", () => {
  it("gives each of two users with the same document only their own events, one execution per user and event", async () => {
    const [a, b] = [await newUser(server), await newUser(server)];
    const subscribe = (token: string) => {
      const client = wsClient(server, { authorization: `Bearer ${token}` });
      clients.push(client);
      return collect(client, NotesDoc, {});
    };
    const subs = { a: [0, 1, 2].map(() => subscribe(a.token)), b: [0, 1, 2].map(() => subscribe(b.token)) };
    const all = [...subs.a, ...subs.b];
    // Until every subscription is listening: a fresh event for each user per round.
    for (let round = 0; round < 100 && all.some((s) => s.events.length === 0); round++) {
      pubsub.publish("notification:user", a.id, note(a.id, "ping"));
      pubsub.publish("notification:user", b.id, note(b.id, "ping"));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(all.every((s) => s.events.length > 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    for (const s of all) s.events.length = 0;

    const before = sharedSubscriptionStats();
    pubsub.publish("notification:user", a.id, note(a.id, "for A only"));
    pubsub.publish("notification:user", b.id, note(b.id, "for B only"));
    // One payload object on both users' topics: executed for each viewer, not shared between them.
    const both = note(a.id, "one object, both topics");
    pubsub.publish("notification:user", a.id, both);
    pubsub.publish("notification:user", b.id, both);
    const arrived = () => all.every((s) => s.events.length >= 2);
    for (let i = 0; i < 100 && !arrived(); i++) await new Promise((r) => setTimeout(r, 20));

    const titles = (s: (typeof all)[number]) => s.events.map((e) => e.data?.notificationAdded.title);
    for (const s of subs.a) expect(titles(s)).toEqual(["for A only", "one object, both topics"]);
    for (const s of subs.b) expect(titles(s)).toEqual(["for B only", "one object, both topics"]);
    const after = sharedSubscriptionStats();
    // 4 distinct (payload, viewer) pairs, each executed once; the other 2 subscribers of each pair got its result.
    expect(after.executed - before.executed).toBe(4);
    expect(after.shared - before.shared).toBe(8);
  });
});
