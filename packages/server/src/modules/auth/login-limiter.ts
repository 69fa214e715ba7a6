/**
 * Login rate limit: at most `perLogin` failed attempts for one login and `perAddress` for one
 * client address within `windowMs` (the address limit is higher: a whole office may share one
 * NAT address). A success clears the login's count. In memory: it protects one process, which
 * is what the embedded and single-server deployments run.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perLogin = 5,
    private readonly perAddress = 30,
    private readonly windowMs = 5 * 60_000,
  ) {}

  isBlocked(login: string, address: string, now: number): boolean {
    return (
      this.recent(`login:${login}`, now).length >= this.perLogin ||
      this.recent(`ip:${address}`, now).length >= this.perAddress
    );
  }

  recordFailure(login: string, address: string, now: number): void {
    for (const key of [`login:${login}`, `ip:${address}`])
      this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(login: string): void {
    this.failures.delete(`login:${login}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
