/**
 * Every access token the fake has issued, with what the API layer needs to authorise a request:
 * kind ('client' | 'user'), expiry, granted scopes, and (for user tokens, added by a later
 * issue) the user id and country. Tokens are random, so no test can hard-code one.
 */
import { randomBytes } from 'node:crypto';

export type TokenKind = 'client' | 'user';

export interface TokenRecord {
  accessToken: string;
  kind: TokenKind;
  clientId: string;
  scopes: string[];
  userId?: string;
  /** The user's country; lets user-token requests omit countryCode. */
  country?: string;
  refreshToken?: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenLookup =
  { ok: true; record: TokenRecord } | { ok: false; reason: 'unknown' | 'expired' };

export interface IssueRequest {
  kind: TokenKind;
  clientId: string;
  ttlSeconds: number;
  scopes?: string[];
  userId?: string;
  country?: string;
  refreshToken?: string;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenRecord>();
  private issued = 0;

  constructor(private readonly now: () => number = Date.now) {}

  issue(req: IssueRequest): TokenRecord {
    const issuedAt = this.now();
    const record: TokenRecord = {
      accessToken: randomBytes(24).toString('base64url'),
      kind: req.kind,
      clientId: req.clientId,
      scopes: req.scopes ?? [],
      issuedAt,
      expiresAt: issuedAt + req.ttlSeconds * 1000,
    };
    if (req.userId !== undefined) record.userId = req.userId;
    if (req.country !== undefined) record.country = req.country;
    if (req.refreshToken !== undefined) record.refreshToken = req.refreshToken;
    this.tokens.set(record.accessToken, record);
    this.issued++;
    return record;
  }

  lookup(accessToken: string): TokenLookup {
    const record = this.tokens.get(accessToken);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, record };
  }

  /** Simulates a server-side expiry/revocation of everything issued so far. */
  expireAll(): void {
    const now = this.now();
    for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  /** Expires every token issued to one user (as if TIDAL revoked or timed out that login). */
  expireUser(userId: string): number {
    const now = this.now();
    let expired = 0;
    for (const record of this.tokens.values()) {
      if (record.userId !== userId) continue;
      record.expiresAt = Math.min(record.expiresAt, now);
      expired++;
    }
    return expired;
  }

  issuedCount(): number {
    return this.issued;
  }
}
