/**
 * Issue 15, item 1 (first part): notifications of an enhancement job's end, read, counted,
 * marked read, deleted and pushed by `notificationAdded`, each user seeing only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../gql/index.ts";
import { collect, ok, startServer, success, wsClient, type TestServer } from "../support/server.ts";
import { newUser } from "../support/accounts.ts";
import { EnhanceProfileDoc, seedProfile, waitForJob } from "../support/enhancement-ops.ts";

const NotificationsDoc = graphql(`query Notifications($unreadOnly: Boolean) {
  notifications(first: 20, unreadOnly: $unreadOnly) { edges { node { id kind title body enhancementJobId read } } }
  unreadNotificationCount }`);
const MarkReadDoc = graphql(`mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
  __typename ... on MutationMarkNotificationsReadSuccess { data { marked unreadCount } } ... on Error { code message } } }`);
const DeleteNotificationDoc = graphql(`mutation DeleteNotification($input: DeleteNotificationInput!) { deleteNotification(input: $input) {
  __typename ... on MutationDeleteNotificationSuccess { data { deletedId } } ... on Error { code } } }`);
const NotificationAddedDoc = graphql(`subscription NotificationAdded { notificationAdded { id kind title enhancementJobId } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

async function enhance(token: string) {
  const job = success((await ok(server, EnhanceProfileDoc, { input: { useDefaultStyle: true } }, { token })).enhanceProfile);
  return waitForJob(server, token, job.id);
}

describe("notifications", () => {
  it("a finished enhancement notifies once, live and in the list; read, count and delete follow", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const client = wsClient(server, { authorization: `Bearer ${u.token}` });
    const live = collect(client, NotificationAddedDoc, {}, (e) => e.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    const job = await enhance(u.token);
    expect(job.status).toBe("COMPLETED");
    const [event] = await live.done;
    expect(event.data?.notificationAdded).toMatchObject({ kind: "ENHANCEMENT_COMPLETED", enhancementJobId: job.id });
    await client.dispose();

    const list = await ok(server, NotificationsDoc, {}, { token: u.token });
    expect(list.unreadNotificationCount).toBe(1);
    const [n] = list.notifications.edges.map((e) => e.node);
    expect(n).toMatchObject({ id: event.data!.notificationAdded.id, kind: "ENHANCEMENT_COMPLETED", read: false, title: "Your profile enhancement is ready" });
    expect(n.body).toMatch(/Enhanced \d+ of \d+ items/);

    const marked = success((await ok(server, MarkReadDoc, { input: { ids: [n.id] } }, { token: u.token })).markNotificationsRead);
    expect(marked).toEqual({ marked: 1, unreadCount: 0 });
    expect((await ok(server, NotificationsDoc, { unreadOnly: true }, { token: u.token })).notifications.edges).toEqual([]);
    // Marking again changes nothing, and is not an error.
    expect(success((await ok(server, MarkReadDoc, { input: { ids: [n.id] } }, { token: u.token })).markNotificationsRead).marked).toBe(0);

    expect(success((await ok(server, DeleteNotificationDoc, { input: { id: n.id } }, { token: u.token })).deleteNotification).deletedId).toBe(n.id);
    expect((await ok(server, NotificationsDoc, {}, { token: u.token })).notifications.edges).toEqual([]);
  });

  it("one notification per job, newest first; mark-all marks every unread one", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const first = await enhance(u.token);
    const second = await enhance(u.token);
    const list = await ok(server, NotificationsDoc, {}, { token: u.token });
    expect(list.notifications.edges.map((e) => e.node.enhancementJobId)).toEqual([second.id, first.id]);
    const all = success((await ok(server, MarkReadDoc, { input: { all: true } }, { token: u.token })).markNotificationsRead);
    expect(all).toEqual({ marked: 2, unreadCount: 0 });
  });

  it("notificationAdded also arrives over SSE", async () => {
    const u = await newUser(server);
    await seedProfile(server, u.token);
    const controller = new AbortController();
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${u.token}` },
      body: JSON.stringify({ query: "subscription NotificationAddedSse { notificationAdded { kind enhancementJobId } }" }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await new Promise((r) => setTimeout(r, 200));
    const job = await enhance(u.token);
    let text = "";
    while (!text.includes("ENHANCEMENT_COMPLETED")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain(`"enhancementJobId":"${job.id}"`);
  });

  it("mistakes are typed errors and change nothing", async () => {
    const u = await newUser(server);
    const none = (await ok(server, MarkReadDoc, { input: {} }, { token: u.token })).markNotificationsRead;
    expect(none).toMatchObject({ __typename: "ValidationError", code: "VALIDATION" });
    const both = (await ok(server, MarkReadDoc, { input: { ids: ["x"], all: true } }, { token: u.token })).markNotificationsRead;
    expect(both).toMatchObject({ __typename: "ValidationError" });
  });

  it("another user's notifications are invisible, cannot be marked read or deleted, and are not pushed", async () => {
    const owner = await newUser(server);
    const other = await newUser(server);
    await seedProfile(server, owner.token);
    const otherClient = wsClient(server, { authorization: `Bearer ${other.token}` });
    const otherLive = collect(otherClient, NotificationAddedDoc, {});
    await new Promise((r) => setTimeout(r, 200));
    await enhance(owner.token);
    const [n] = (await ok(server, NotificationsDoc, {}, { token: owner.token })).notifications.edges.map((e) => e.node);
    expect(n).toBeDefined();

    const seen = await ok(server, NotificationsDoc, {}, { token: other.token });
    expect(seen).toEqual({ notifications: { edges: [] }, unreadNotificationCount: 0 });
    expect((await ok(server, MarkReadDoc, { input: { ids: [n.id] } }, { token: other.token })).markNotificationsRead).toMatchObject({ __typename: "NotFoundError" });
    expect((await ok(server, DeleteNotificationDoc, { input: { id: n.id } }, { token: other.token })).deleteNotification).toMatchObject({ __typename: "NotFoundError" });
    expect((await ok(server, NotificationsDoc, {}, { token: owner.token })).notifications.edges[0].node.read).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(otherLive.events).toEqual([]);
    otherLive.cancel();
    await otherClient.dispose();
  });
});
