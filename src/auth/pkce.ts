/** PKCE (RFC 7636, S256) and the CSRF `state`, from the OS CSPRNG. */
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function createPkcePair(): PkcePair {
  // 64 random bytes -> 86 base64url characters, inside RFC 7636's 43..128.
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function createState(): string {
  return randomBytes(24).toString('base64url');
}
