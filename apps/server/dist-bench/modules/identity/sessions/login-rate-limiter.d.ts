/**
 * Fixed one-minute windows of login attempts per client IP, in this process's memory. With
 * several web processes the effective limit is multiplied by their number; the per-account
 * lockout (in the database) is the control that holds across processes.
 */
export declare class LoginRateLimiter {
    private readonly maxPerWindow;
    private readonly windowMs;
    private readonly windows;
    constructor(maxPerWindow?: number, windowMs?: number);
    /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
    hit(ip: string, now?: number): number;
    private prune;
}
