/**
 * Fixed one-minute windows of login attempts per client IP, in this process's memory. With
 * several web processes the effective limit is multiplied by their number; the per-account
 * lockout (in the database) is the control that holds across processes.
 */
export class LoginRateLimiter {
    maxPerWindow;
    windowMs;
    windows = new Map();
    constructor(maxPerWindow = 30, windowMs = 60_000) {
        this.maxPerWindow = maxPerWindow;
        this.windowMs = windowMs;
    }
    /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
    hit(ip, now = Date.now()) {
        if (this.windows.size > 10_000)
            this.prune(now);
        const window = this.windows.get(ip);
        if (!window || now - window.startedAt >= this.windowMs) {
            this.windows.set(ip, { startedAt: now, count: 1 });
            return 0;
        }
        window.count += 1;
        return window.count > this.maxPerWindow ? Math.ceil((window.startedAt + this.windowMs - now) / 1000) : 0;
    }
    prune(now) {
        for (const [ip, window] of this.windows)
            if (now - window.startedAt >= this.windowMs)
                this.windows.delete(ip);
    }
}
//# sourceMappingURL=login-rate-limiter.js.map