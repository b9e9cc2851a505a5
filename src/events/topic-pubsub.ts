// The typed pubsub over an EventTarget, with one light queue per subscriber. graphql-yoga's
// createPubSub (same interface) gives each subscriber a Repeater: on the progress fan-out its push
// was the largest cost of ours per delivery (≈ 10 µs, 1,000 subscribers × every event), and its
// executor runs only at the first next(), so a subscriber that reads the current state before it
// iterates (followJob) could miss an event published between the two. Here a subscriber listens
// from the moment subscribe() returns, and a delivery is one array push or one promise resolution.
//
// A consumer that falls MAX_PENDING events behind (a client that stopped reading its socket) is
// ended with an error rather than buffered without bound; the listener never throws into the
// EventTarget's dispatch, which would reach the process as an uncaught exception.

type Target = Pick<EventTarget, "addEventListener" | "removeEventListener" | "dispatchEvent">;
type TopicMap = Record<string, [string, unknown] | [unknown]>;
type Payload<A> = A extends [string, infer P] ? P : A extends [infer P] ? P : never;
type SubscribeArgs<A> = A extends [string, unknown] ? [id: string] : [];

export const MAX_PENDING = 1024;

export class SubscriberTooSlowError extends Error {
  constructor() {
    super(`The subscriber fell ${MAX_PENDING} events behind and was ended; subscribe again to get the current state`);
    this.name = "SubscriberTooSlowError";
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** One subscriber's events, in publish order. */
export class TopicStream<T> implements AsyncIterableIterator<T> {
  private queue: T[] = [];
  private head = 0;
  /** next() calls waiting for an event, oldest first (a for-await has at most one). */
  private waiters: ((step: IteratorResult<T>) => void)[] = [];
  private failure: Error | null = null;
  private closed = false;

  constructor(private readonly detach: () => void) {}

  /** Called by the listener: hands the value to a waiting next(), else queues it. */
  push(value: T): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter({ done: false, value });
      return;
    }
    if (this.queue.length - this.head >= MAX_PENDING) {
      this.failure = new SubscriberTooSlowError();
      this.end();
      return;
    }
    this.queue.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.queue.length) {
      const value = this.queue[this.head++];
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.closed) return Promise.resolve(DONE);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.failure = null;
    this.end();
    return Promise.resolve(DONE);
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.head = 0;
    this.detach();
    // A waiting next() means an empty queue, so an overflow never ends one: they just complete.
    for (const waiter of this.waiters.splice(0)) waiter(DONE);
  }
}

export interface TopicPubSub<Topics extends TopicMap> {
  publish<K extends keyof Topics & string>(topic: K, ...args: Topics[K]): void;
  subscribe<K extends keyof Topics & string>(topic: K, ...args: SubscribeArgs<Topics[K]>): TopicStream<Payload<Topics[K]>>;
}

/** publish(topic, id, payload) reaches subscribe(topic, id); publish(topic, payload) reaches subscribe(topic). */
export function createTopicPubSub<Topics extends TopicMap>(target: Target): TopicPubSub<Topics> {
  return {
    publish(topic, ...args) {
      const keyed = args.length === 2;
      const type = keyed ? `${topic}:${args[0] as string}` : topic;
      target.dispatchEvent(new CustomEvent(type, { detail: (keyed ? args[1] : args[0]) ?? null }));
    },
    subscribe<K extends keyof Topics & string>(topic: K, ...args: SubscribeArgs<Topics[K]>) {
      const type = args.length === 1 ? `${topic}:${args[0]}` : topic;
      const listener = (event: Event) => stream.push((event as CustomEvent<Payload<Topics[K]>>).detail);
      const stream = new TopicStream<Payload<Topics[K]>>(() => target.removeEventListener(type, listener));
      target.addEventListener(type, listener);
      return stream;
    },
  };
}
