import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTopicPubSub, MAX_PENDING, SubscriberTooSlowError } from "../../../src/events/topic-pubsub.ts";

type Topics = { job: [id: string, payload: { n: number }]; global: [payload: { n: number }] };

function counted() {
  const target = new EventTarget();
  let listeners = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...a: Parameters<EventTarget["addEventListener"]>) => (listeners++, add(...a));
  target.removeEventListener = (...a: Parameters<EventTarget["removeEventListener"]>) => (listeners--, remove(...a));
  return { pubsub: createTopicPubSub<Topics>(target), listeners: () => listeners };
}

describe("topic pubsub", () => {
  it("listens from subscribe(): an event published before the first next() is not missed", async () => {
    const { pubsub } = counted();
    const stream = pubsub.subscribe("job", "a");
    pubsub.publish("job", "a", { n: 1 });
    pubsub.publish("job", "b", { n: 99 }); // another job's event: not this subscriber's
    pubsub.publish("job", "a", { n: 2 });
    expect(await stream.next()).toEqual({ done: false, value: { n: 1 } });
    expect(await stream.next()).toEqual({ done: false, value: { n: 2 } });
    const waiting = stream.next();
    pubsub.publish("job", "a", { n: 3 });
    expect(await waiting).toEqual({ done: false, value: { n: 3 } });
  });

  it("return() stops listening and completes a waiting next()", async () => {
    const { pubsub, listeners } = counted();
    const stream = pubsub.subscribe("global");
    expect(listeners()).toBe(1);
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(listeners()).toBe(0);
    pubsub.publish("global", { n: 1 });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it("a subscriber that stops reading is ended with an error after MAX_PENDING events, and publishing never throws", async () => {
    const { pubsub, listeners } = counted();
    const slow = pubsub.subscribe("job", "a");
    const reader = pubsub.subscribe("job", "a");
    const got: number[] = [];
    const reading = (async () => {
      for await (const e of reader) if (got.push(e.n) === MAX_PENDING + 10) break;
    })();
    for (let n = 0; n < MAX_PENDING + 10; n++) {
      expect(() => pubsub.publish("job", "a", { n })).not.toThrow();
      await Promise.resolve();
    }
    await reading;
    expect(got).toHaveLength(MAX_PENDING + 10); // the reader keeps up and is not affected
    expect(listeners()).toBe(0); // the slow one was detached, the reader returned
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(await slow.next()).toEqual({ done: true, value: undefined });
  });

  it("delivers every event once, in publish order, however publishes and reads interleave", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { maxLength: 200 }), async (script) => {
        const { pubsub } = counted();
        const stream = pubsub.subscribe("job", "x");
        const pending: Promise<IteratorResult<{ n: number }>>[] = [];
        let published = 0;
        for (const publish of script) {
          if (publish) pubsub.publish("job", "x", { n: published++ });
          else pending.push(stream.next());
        }
        const reads = pending.length;
        for (let i = reads; i < published; i++) pending.push(stream.next());
        await stream.return();
        const values = (await Promise.all(pending)).filter((s) => !s.done).map((s) => s.value!.n);
        expect(values).toEqual([...Array(published).keys()]);
      }),
    );
  });
});
