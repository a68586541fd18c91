import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

/** WCAG 2.2 AA, as GOV.UK services are assessed. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type AxeViolation = AxeResults['violations'][number];

export interface AxeSummary {
  url: string;
  /** Whether the page was scanned as drawn with JavaScript on, or (as a copy) with it off. */
  javaScript: boolean;
  /** The same page was already scanned clean in this browser, so it was not scanned again. */
  repeat: boolean;
  /** How long the scan took. */
  ms: number;
  /** Rules that ran and found nothing wrong, and rules that found nothing to check. */
  passes: number;
  inapplicable: number;
  /** Things axe could not decide alone (e.g. contrast over a background image): for a human. */
  incomplete: string[];
  violations: AxeViolation[];
}

/** Every scan of the run, so a suite can print what was checked. */
export const axeLog: AxeSummary[] = [];

/** One line per violation and one per offending node: id, impact, help, and where. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `      at ${n.target.map(String).join(' >> ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`,
      );
      return `  - ${v.id} [${v.impact ?? 'no impact given'}]: ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * GOV.UK Frontend's conditional reveal marks the radio or checkbox that reveals a question with
 * `aria-expanded`, which ARIA does not allow on those roles. The Design System keeps it on purpose
 * (screen readers announce it; alphagov/govuk-frontend#979, a documented known issue), so axe's
 * finding on exactly that attribute of exactly those inputs is not ours to fix. Anything else in the
 * same rule, on any other element or attribute, still fails.
 */
function isGovukConditionalReveal(node: AxeViolation['nodes'][number]): boolean {
  const revealer =
    /class="govuk-(radios|checkboxes)__input"/.test(node.html) && /aria-controls="/.test(node.html);
  const failures = [...node.all, ...node.any, ...node.none];
  return (
    revealer &&
    failures.length > 0 &&
    failures.every(
      (f) =>
        f.id === 'aria-allowed-attr' &&
        /^ARIA attributes? (is|are) not allowed: aria-expanded="(true|false)"$/.test(f.message),
    )
  );
}

/** The violations, less the Design System's own conditional reveals (see isGovukConditionalReveal). */
export function withoutGovukConditionalReveals(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) =>
      v.id === 'aria-allowed-attr' ? { ...v, nodes: v.nodes.filter((n) => !isGovukConditionalReveal(n)) } : v,
    )
    .filter((v) => v.nodes.length > 0);
}

/**
 * Whether scripts run in the page's context. With scripting disabled, HTML parsed inside <noscript>
 * becomes elements; with it enabled, it stays text (the HTML standard's "scripting flag").
 */
async function scriptsRun(page: Page): Promise<boolean> {
  // Strings, not functions: the project's TypeScript has no DOM types (they run in the browser).
  const ran: unknown = await page.evaluate(`(() => {
    const probe = document.createElement('noscript');
    probe.innerHTML = '<p></p>';
    return probe.childElementCount === 0;
  })()`);
  return ran === true;
}

/**
 * The page's current DOM as HTML, to be drawn again where scripts may run but the page's own may
 * not: a `script-src 'none'` policy and a <base> for its links and stylesheets lead its <head>.
 * Without scripting, <noscript> content is drawn; a scripting page would read it back as text, so
 * each <noscript> becomes a `display: contents` element holding it.
 */
async function snapshotWithoutScripting(page: Page): Promise<string> {
  const html: unknown = await page.evaluate(`(() => {
    const root = document.documentElement.cloneNode(true);
    for (const noscript of Array.from(root.querySelectorAll('noscript'))) {
      const shown = document.createElement('div');
      shown.setAttribute('style', 'display: contents');
      shown.setAttribute('data-was', 'noscript');
      shown.append(...Array.from(noscript.childNodes));
      noscript.replaceWith(shown);
    }
    const head = root.querySelector('head');
    const policy = document.createElement('meta');
    policy.setAttribute('http-equiv', 'Content-Security-Policy');
    policy.setAttribute('content', "script-src 'none'");
    const base = document.createElement('base');
    base.setAttribute('href', document.baseURI);
    head.prepend(policy, base);
    return '<!DOCTYPE html>\\n' + root.outerHTML;
  })()`);
  if (typeof html !== 'string') throw new Error('Could not read the page to scan it');
  return html;
}

/**
 * axe for one page. Legacy mode runs axe.run() inside the page rather than a partial run per frame
 * finished in a fresh blank page: half the time, and the same checks for pages without
 * cross-origin frames (ours have no frames at all).
 */
function axe(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page })
    .withTags([...WCAG_TAGS])
    .setLegacyMode(true)
    .analyze();
}

/**
 * What a scan depends on: the DOM (less the per-request CSRF token and CSP nonce), the address and
 * the viewport. A page identical to one already scanned clean in this browser is not scanned again.
 */
async function fingerprint(page: Page): Promise<string> {
  const html = (await page.content())
    .replace(/(name="_csrf"[^>]*value=")[^"]*"/g, '$1"')
    .replace(/(value="[^"]*"[^>]*name="_csrf")/g, 'name="_csrf"')
    .replace(/nonce="[^"]*"/g, '');
  const viewport = page.viewportSize();
  return createHash('sha256')
    .update(`${page.url()}\n${viewport?.width ?? 0}x${viewport?.height ?? 0}\n${html}`)
    .digest('hex');
}

const scannedClean = new WeakMap<Browser, Set<string>>();

/** Per browser: a page where scripts run, for drawing copies of pages that had none; one scan at a time. */
interface Scanner {
  page: Page;
  /** The origin whose empty page the copies are written into. */
  origin: string | null;
  queue: Promise<unknown>;
}
const scanners = new WeakMap<Browser, Promise<Scanner>>();

/** An address no app answers: the scanner's empty page of an origin. */
const CARRIER_PATH = '/__e2e-axe-copy__';

/**
 * Opens an empty page of the origin in the scanner, so that copies written into it are of the same
 * origin as the page (servers may refuse their stylesheets to other origins, as helmet's
 * Cross-Origin-Resource-Policy does). The empty page is made here; the server never sees it.
 */
async function moveScannerTo(scanner: Scanner, origin: string): Promise<void> {
  if (scanner.origin === origin) return;
  const carrier = `${origin}${CARRIER_PATH}`;
  await scanner.page.route(carrier, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><title></title>',
    }),
  );
  try {
    await scanner.page.goto(carrier, { waitUntil: 'load' });
  } finally {
    // No routing while scanning: it would turn the HTTP cache off.
    await scanner.page.unroute(carrier);
  }
  scanner.origin = origin;
}

/**
 * axe needs scripts to run (its checks are promises), which a `javaScriptEnabled: false` page never
 * settles. Such a page is scanned as a copy: its current DOM, written into a same-origin page where
 * scripting is on but every script of the page's own is refused (see snapshotWithoutScripting), so
 * axe sees the page as a browser without JavaScript drew it, with the same stylesheets and images.
 */
async function scanCopyOf(page: Page): Promise<AxeResults> {
  const browser = page.context().browser();
  if (!browser) throw new Error('The page has no browser to scan it with');
  let pending = scanners.get(browser);
  if (!pending) {
    pending = browser
      .newContext({ javaScriptEnabled: true })
      .then(async (context) => ({ page: await context.newPage(), origin: null, queue: Promise.resolve() }));
    scanners.set(browser, pending);
  }
  const scanner = await pending;
  const html = await snapshotWithoutScripting(page);
  const viewport = page.viewportSize();
  const scan = scanner.queue.then(async () => {
    if (viewport) await scanner.page.setViewportSize(viewport);
    await moveScannerTo(scanner, new URL(page.url()).origin);
    await scanner.page.setContent(html, { waitUntil: 'load' });
    // Had any script of the page's own run in the copy, it would have marked <body> (GOV.UK's does).
    const classes = `document.body ? document.body.className : ''`;
    const [original, copy]: unknown[] = await Promise.all([
      page.evaluate(classes),
      scanner.page.evaluate(classes),
    ]);
    if (original !== copy) {
      throw new Error(`The no-JavaScript copy of ${page.url()} ran scripts (body class "${String(copy)}")`);
    }
    // Nor may a stylesheet have failed to load: axe would judge an unstyled page.
    const sheets = `Array.from(document.styleSheets).filter((s) => { try { return s.cssRules.length === 0; } catch { return true; } }).map((s) => s.href)`;
    const empty: unknown = await scanner.page.evaluate(sheets);
    if (Array.isArray(empty) && empty.length > 0) {
      throw new Error(`The no-JavaScript copy of ${page.url()} could not load ${empty.join(', ')}`);
    }
    return axe(scanner.page);
  });
  scanner.queue = scan.catch(() => undefined);
  return scan;
}

/**
 * Runs axe on the page as it stands and fails, listing each violation's id, impact, help and the
 * nodes it found, unless there are none.
 */
export async function expectNoAxeViolations(page: Page): Promise<AxeSummary> {
  const browser = page.context().browser();
  const key = await fingerprint(page);
  const clean = browser ? (scannedClean.get(browser) ?? new Set<string>()) : new Set<string>();
  if (browser) scannedClean.set(browser, clean);
  const started = Date.now();
  const javaScript = await scriptsRun(page);
  const known = clean.has(`${String(javaScript)}:${key}`);
  const results = known ? null : javaScript ? await axe(page) : await scanCopyOf(page);
  const summary: AxeSummary = {
    url: page.url(),
    javaScript,
    repeat: known,
    ms: Date.now() - started,
    passes: results?.passes.length ?? 0,
    inapplicable: results?.inapplicable.length ?? 0,
    incomplete: results?.incomplete.map((r) => r.id) ?? [],
    violations: withoutGovukConditionalReveals(results?.violations ?? []),
  };
  axeLog.push(summary);
  if (summary.violations.length > 0) {
    throw new Error(
      `axe found ${summary.violations.length} accessibility violation(s) (WCAG 2.2 AA) on ${page.url()}:\n` +
        describeViolations(summary.violations),
    );
  }
  clean.add(`${String(javaScript)}:${key}`);
  return summary;
}

/** One line per page scanned in this process, for the end of a suite: what was checked, and how. */
export function axeReport(): string {
  const scanned = axeLog.filter((s) => !s.repeat);
  const lines = scanned.map((s) => {
    const url = new URL(s.url);
    const how = s.javaScript ? 'JS on ' : 'JS off';
    const incomplete = s.incomplete.length > 0 ? `; for a person to check: ${s.incomplete.join(', ')}` : '';
    return `  ${how} ${url.pathname}${url.search}: ${s.violations.length} violations, ${s.passes} rules passed (${s.ms} ms)${incomplete}`;
  });
  const ms = scanned.reduce((total, s) => total + s.ms, 0);
  return (
    `axe (WCAG 2.2 AA): ${scanned.length} scans, ${axeLog.length - scanned.length} repeats of an identical page skipped, ` +
    `${scanned.reduce((n, s) => n + s.violations.length, 0)} violations, ${ms} ms scanning\n${lines.join('\n')}`
  );
}

/** Closes the scanner context of a browser, if one was opened. */
export async function closeScanner(browser: Browser): Promise<void> {
  const scanner = scanners.get(browser);
  scanners.delete(browser);
  if (scanner) await (await scanner).page.context().close();
}
