/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one email within `windowMs`,
 * that email is refused until the oldest failure leaves the window. In memory, per process: a
 * restart forgets, which only helps a guesser by one window.
 */
export class LoginGuard {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this email may try again; 0 when it may try now. */
  retryAfterMs(email: string): number {
    const recent = this.recent(email);
    return recent.length >= this.maxFailures ? recent[0] + this.windowMs - this.now() : 0;
  }

  fail(email: string): void {
    const recent = this.recent(email);
    recent.push(this.now());
    this.failures.set(email, recent);
    if (this.failures.size > 100_000) this.prune();
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }

  private recent(email: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(email) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const email of this.failures.keys()) if (this.recent(email).length === 0) this.failures.delete(email);
  }
}
