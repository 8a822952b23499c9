import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MailList } from './mail.tables.js';

/** What an unsubscribe link leads to: this person leaves this list (of mail sent by this entity). */
export interface UnsubscribeClaim {
  personId: string;
  list: MailList;
  entityId: string;
  outboxId: string;
}

const UUID_HEX = /^[0-9a-f]{32}$/;

/**
 * An unsubscribe token names the outbox mail it came in (whose row says who leaves which list),
 * signed with a key derived from the session secret (the derivation label makes these signatures
 * useless anywhere else). 45 characters: URL paths stay short. No expiry: the law wants the link to
 * work for as long as the mail may be read.
 */
export class UnsubscribeTokens {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('maillage/mail-unsubscribe/v1').digest();
  }

  sign(outboxId: string): string {
    const body = Buffer.from(outboxId.replace(/-/g, ''), 'hex').toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  /** The outbox id, or null when the token was altered or malformed. */
  verify(token: string): string | null {
    const [body, mac, ...rest] = token.split('.');
    if (!body || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.#mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const hex = Buffer.from(body, 'base64url').toString('hex');
    if (!UUID_HEX.test(hex)) return null;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest().subarray(0, 16).toString('base64url');
  }
}
