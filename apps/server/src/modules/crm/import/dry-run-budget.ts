import { ServiceUnavailableError } from '../../../platform/http/errors.js';

/** 503: the process is already checking as much as its budget allows, and the upload waited long enough. */
export class DryRunBusyError extends ServiceUnavailableError {
  constructor(retryAfterSeconds: number) {
    super("D'autres fichiers d'import sont en cours d'analyse : réessayez dans quelques secondes.", retryAfterSeconds, 'import_dry_run_busy');
  }
}

interface Waiter {
  share: number;
  admit(): void;
}

/**
 * Bounds the memory that dry runs take in one process. Checking a file holds what its
 * de-duplication must remember, about twice the file's size for the largest ones (docs/perf.md):
 * uploads checked at the same time may total `limitBytes`, a file larger than that is checked alone,
 * and the others wait their turn in arrival order, for `waitMs` at most. The bound is what lets the
 * web role run under a small V8 heap (ADR 0029) without an out-of-memory crash when several large
 * files arrive together.
 */
export class DryRunBudget {
  private reserved = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly limitBytes: number,
    private readonly waitMs: number,
  ) {}

  /** Waits for room for a file of `bytes`; returns the function that gives the room back. */
  async reserve(bytes: number): Promise<() => void> {
    const share = Math.min(Math.max(bytes, 1), this.limitBytes);
    if (this.waiting.length === 0 && this.fits(share)) {
      this.reserved += share;
    } else {
      await this.waitFor(share);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reserved -= share;
      this.admitWaiting();
    };
  }

  /** Runs `work` once there is room for a file of `bytes`, and gives the room back when it ends. */
  async within<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    const release = await this.reserve(bytes);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private fits(share: number): boolean {
    return this.reserved + share <= this.limitBytes;
  }

  private waitFor(share: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        share,
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        // The one that gave up may have held back smaller files behind it.
        this.admitWaiting();
        reject(new DryRunBusyError(Math.max(1, Math.ceil(this.waitMs / 1000))));
      }, this.waitMs);
      this.waiting.push(waiter);
    });
  }

  /** Admits waiters in arrival order while they fit: a small file never overtakes a large one. */
  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.share)) {
      const waiter = this.waiting.shift()!;
      this.reserved += waiter.share;
      waiter.admit();
    }
  }
}
