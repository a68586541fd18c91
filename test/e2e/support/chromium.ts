import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install -y chromium`): tests never download a browser of their own.
 * PUTRIGHT_E2E_CHROMIUM names another binary (another distribution's path, or a missing one to see
 * the failure).
 */
export const CHROMIUM_PATH = process.env.PUTRIGHT_E2E_CHROMIUM || '/usr/bin/chromium';

/**
 * How Chromium must start on these machines: headless, as root (no sandbox), and without the
 * background connections that the closed network refuses. Playwright adds `--headless` for
 * `headless: true` and gives every launch a fresh, empty `--user-data-dir` of its own (it refuses one
 * passed in `args`), which it deletes when the browser closes.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const CHROMIUM_MISSING =
  `The browser tests (test/e2e) need Chromium at ${CHROMIUM_PATH}, and it is not there. ` +
  'Install it with: apt-get install -y chromium (after apt-get update on a new machine).';

/** Fails, never skips, when Chromium is missing: a green run must mean the pages were checked. */
export function assertChromiumInstalled(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch (error) {
    throw new Error(CHROMIUM_MISSING, { cause: error });
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    // A loaded two-core machine can be slow to start a browser.
    timeout: 60_000,
  });
}
