import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `pr_<key id without dashes>_<secret>`. The id finds the row; only a SHA-256
 * of the 256-bit secret is stored, so a database leak gives no usable keys.
 */
const KEY_PATTERN = /^pr_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  apiKeyId: string;
  secretHash: string;
  /** Shown once, never stored. */
  plaintext: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiKey(): NewApiKey {
  const apiKeyId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return {
    apiKeyId,
    secretHash: hashSecret(secret),
    plaintext: `pr_${apiKeyId.replace(/-/g, '')}_${secret}`,
  };
}

export function parseApiKey(plaintext: string): { apiKeyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(plaintext);
  if (!match?.[1] || !match[2]) return null;
  const hex = match[1];
  const apiKeyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { apiKeyId, secret: match[2] };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
