import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Api } from '../api/api';
import { ApiProblem } from '../api/api-problem';
import type { ResponseOf } from '../api/api-types';

export type Me = ResponseOf<'/api/v1/auth/me'>;
export type SessionState = 'unknown' | 'signed-in' | 'signed-out';

export interface SignInCredentials {
  email: string;
  password: string;
  totp?: string;
}

/** Who is signed in (from GET /auth/me), and the sign-in / sign-out / expiry transitions. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(Api);
  private readonly router = inject(Router);

  readonly me = signal<Me | null>(null);
  readonly state = signal<SessionState>('unknown');
  readonly user = computed(() => this.me()?.user ?? null);
  /** An administrator issued a temporary password: the user must choose their own before anything else. */
  readonly mustChangePassword = computed(() => this.user()?.mustChangePassword === true);
  /** Set when the last sign-out was forced by a 401, so the sign-in page can say why. */
  readonly expired = signal(false);

  constructor() {
    this.api.sessionLost.subscribe(() => this.onSessionLost());
  }

  /** Called once at start-up: a valid cookie restores the session without asking again. */
  async restore(): Promise<void> {
    try {
      await this.loadMe();
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.status !== 401) console.error(error);
      this.clear();
    }
  }

  /** Throws ApiProblem (invalid_credentials, mfa_required, account_locked, rate_limited…). */
  async signIn(credentials: SignInCredentials): Promise<void> {
    const body = credentials.totp ? credentials : { email: credentials.email, password: credentials.password };
    const result = await this.api.unwrap(this.api.client.POST('/api/v1/auth/login', { body }));
    this.api.csrfToken.set(result.csrfToken);
    await this.loadMe();
    this.expired.set(false);
  }

  /** Re-reads /auth/me after the user changed something about themselves (password, MFA). */
  async refresh(): Promise<void> {
    await this.loadMe();
  }

  async signOut(): Promise<void> {
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/auth/logout'));
    } catch (error) {
      // Already signed out server-side (expired) is fine: the goal is reached.
      if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    }
    this.clear();
    await this.router.navigate(['/sign-in']);
  }

  private async loadMe(): Promise<void> {
    const me = await this.api.unwrap(this.api.client.GET('/api/v1/auth/me'));
    if (me.csrfToken) this.api.csrfToken.set(me.csrfToken);
    this.me.set(me);
    this.state.set('signed-in');
  }

  private clear(): void {
    this.me.set(null);
    this.api.csrfToken.set(null);
    this.state.set('signed-out');
  }

  private onSessionLost(): void {
    if (this.state() !== 'signed-in') return;
    this.clear();
    this.expired.set(true);
    const returnUrl = this.router.url.startsWith('/sign-in') ? undefined : this.router.url;
    void this.router.navigate(['/sign-in'], { queryParams: returnUrl ? { returnUrl } : {} });
  }
}
