import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): about 25–60 ms a hash on one core.
 * The parameters live in each PHC string, so raising them later only affects new hashes.
 */
const OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; short enough that nobody can make us hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that is not a valid argon2 string. */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins that have no account to check
 * against (unknown e-mail address), so that timing does not tell which addresses exist.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(`no account ${String(randomInt(1e9))}`);
  await passwordMatches(await dummyHash, password);
}

/** A new password's length rules, in GOV.UK style. */
export function passwordLengthSchema(
  empty = 'Enter a password',
  tooShort = 'Enter a password that is 12 characters or more',
) {
  return z
    .string()
    .min(1, empty)
    .min(PASSWORD_MIN_LENGTH, tooShort)
    .max(PASSWORD_MAX_LENGTH, `Enter a password that is ${String(PASSWORD_MAX_LENGTH)} characters or fewer`);
}

export const SAME_AS_EMAIL = 'Your password must not be the same as the email address';

export function isSameAsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * The rules for a new password, in GOV.UK style. `email` is the account's address: the password may
 * not be the same as it.
 */
export function newPasswordSchema(email: string, tooShort?: string) {
  return passwordLengthSchema(undefined, tooShort).refine(
    (password) => !isSameAsEmail(password, email),
    SAME_AS_EMAIL,
  );
}

/** Unambiguous letters and digits: easy to read out over the phone, about 92 bits in 16 characters. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password in four groups, e.g. `xK7q-2mPa-Rt9w-cVb3`. */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 4; i += 1) group += ALPHABET[randomInt(ALPHABET.length)] ?? '';
    groups.push(group);
  }
  return groups.join('-');
}
