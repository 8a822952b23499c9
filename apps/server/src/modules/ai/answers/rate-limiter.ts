/**
 * Questions per user per minute, in memory (per process: with N web processes a user may get up to
 * N times the limit, acceptable for a cost guard; a shared limiter would need a table).
 */
export class UserRateLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a hit and returns 0, or the seconds to wait when the user is over the limit. */
  take(userId: string): number {
    const now = this.now();
    const recent = (this.#hits.get(userId) ?? []).filter((at) => at > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.#hits.set(userId, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.#hits.set(userId, recent);
    if (this.#hits.size > 10_000) this.#sweep(now);
    return 0;
  }

  #sweep(now: number): void {
    for (const [user, hits] of this.#hits) if (hits.every((at) => at <= now - 60_000)) this.#hits.delete(user);
  }
}
