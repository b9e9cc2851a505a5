import { systemClock, type Clock } from "./jobs/runner.ts";

/*
 * The clock scheduled work reads (follow-up ages, interview reminders, digest weeks, retry times).
 * buildApp sets it once; tests pass a clock they move, so a reminder due in a week is due at once.
 */
let current: Clock = systemClock;

export function setClock(c: Clock): void {
  current = c;
}

export function clock(): Clock {
  return current;
}

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
