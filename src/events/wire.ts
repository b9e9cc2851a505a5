/**
 * How an event crosses PostgreSQL's NOTIFY: JSON in which Dates keep their type (Prisma rows carry
 * createdAt, leaseUntil …), cut into pieces that each fit a NOTIFY payload (8000 bytes), and put
 * back together on the other side. Pure functions, so the edge cases are unit-tested.
 */

/** Bytes for one NOTIFY payload, below PostgreSQL's 8000 with room for the header line. */
export const MAX_PAYLOAD_BYTES = 7900;
/** UTF-16 units per piece of a large event: at most 3 bytes each in UTF-8, so ≤ 6000 bytes. */
const PIECE_UNITS = 2000;

export function encodeDetail(detail: unknown): string {
  return JSON.stringify(detail ?? null, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  });
}

export function decodeDetail(json: string): unknown {
  return JSON.parse(json, (_key, value) =>
    value && typeof value === "object" && typeof value.$date === "number" && Object.keys(value).length === 1 ? new Date(value.$date) : value,
  );
}

/**
 * The NOTIFY payloads for one event: `=<topic>\n<json>` when it fits, else pieces
 * `~<id> <index> <count>\n<topic>\n<piece>` that the receiver joins in index order.
 */
export function toPayloads(topic: string, json: string, id: string): string[] {
  const whole = `=${topic}\n${json}`;
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD_BYTES) return [whole];
  const pieces: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(i + PIECE_UNITS, json.length);
    // Never split a surrogate pair: PostgreSQL text cannot hold half of one.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(json.slice(i, end));
    i = end;
  }
  return pieces.map((piece, index) => `~${id} ${index} ${pieces.length}\n${topic}\n${piece}`);
}

/** Joins pieces as they arrive; returns a whole event once its last piece is in. */
export class Reassembler {
  private readonly partial = new Map<string, { topic: string; pieces: string[]; received: number }>();

  constructor(private readonly maxPending = 1000) {}

  accept(payload: string): { topic: string; json: string } | null {
    const nl = payload.indexOf("\n");
    if (nl < 0) return null;
    if (payload[0] === "=") return { topic: payload.slice(1, nl), json: payload.slice(nl + 1) };
    if (payload[0] !== "~") return null;
    const [id, indexText, countText] = payload.slice(1, nl).split(" ");
    const nl2 = payload.indexOf("\n", nl + 1);
    const index = Number(indexText);
    const count = Number(countText);
    if (nl2 < 0 || !Number.isInteger(index) || !Number.isInteger(count) || index < 0 || index >= count) return null;
    let entry = this.partial.get(id);
    if (!entry) {
      // A publisher sends all pieces in one transaction, so pieces never stay pending for long;
      // the bound only guards memory against a broken sender.
      if (this.partial.size >= this.maxPending) this.partial.delete(this.partial.keys().next().value!);
      entry = { topic: payload.slice(nl + 1, nl2), pieces: new Array<string>(count), received: 0 };
      this.partial.set(id, entry);
    }
    if (entry.pieces[index] === undefined) entry.received++;
    entry.pieces[index] = payload.slice(nl2 + 1);
    if (entry.received < count) return null;
    this.partial.delete(id);
    return { topic: entry.topic, json: entry.pieces.join("") };
  }
}
