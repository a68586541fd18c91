import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Reading GOV.UK Design System components the way a person (or a screen reader) meets them. */

export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** The error summary's links: what each says and where it points. */
export async function errorSummaryLinks(page: Page): Promise<{ text: string; href: string }[]> {
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.equal(
    (await summary.getByRole('heading', { level: 2 }).innerText()).trim(),
    'There is a problem',
    'The error summary is titled “There is a problem”',
  );
  const links = await summary.locator('.govuk-error-summary__list a').all();
  return Promise.all(
    links.map(async (link) => ({
      text: (await link.innerText()).trim(),
      href: (await link.getAttribute('href')) ?? '',
    })),
  );
}

/** A field's own error message, without the visually hidden “Error:” prefix. */
export async function fieldError(page: Page, fieldId: string): Promise<string> {
  const text = await page.locator(`#${fieldId}-error`).innerText();
  return text.replace(/^\s*Error:\s*/, '').trim();
}

/**
 * Checks the GOV.UK pattern for a form with errors: "Error: " before the page title, an error
 * summary whose every link leads to a field on the page that shows the same message, and the
 * field marked invalid for assistive technology.
 */
export async function assertFormErrors(page: Page, expected: Record<string, string>): Promise<void> {
  assert.match(await page.title(), /^Error: /, 'The page title starts with “Error: ”');
  const links = await errorSummaryLinks(page);
  assert.deepEqual(
    links,
    Object.entries(expected).map(([field, text]) => ({ text, href: `#${field}` })),
  );
  for (const [field, text] of Object.entries(expected)) {
    const target = page.locator(`[id="${field}"]`);
    assert.equal(await target.count(), 1, `The summary's link #${field} leads to one element on the page`);
    assert.equal(await fieldError(page, field), text, `#${field} shows its own message`);
    // The message is announced with the field: a text input describes itself by it, a set of
    // radios or checkboxes describes its fieldset.
    const input = page.locator(`input#${field}`);
    if ((await input.count()) === 1) {
      const type = (await input.getAttribute('type')) ?? 'text';
      const described = ['radio', 'checkbox'].includes(type)
        ? page.locator('fieldset').filter({ has: input }).last()
        : input;
      assert.match(
        (await described.getAttribute('aria-describedby')) ?? '',
        new RegExp(`\\b${field}-error\\b`),
        `#${field} is described by its error message`,
      );
    }
  }
}

/** Waits until the element with this id has focus (GOV.UK's scripts move focus for us). */
export async function waitForFocus(page: Page, id: string): Promise<void> {
  await page.waitForFunction(`document.activeElement && document.activeElement.id === ${JSON.stringify(id)}`);
}

/** Whether the element with focus is (inside) the error summary. */
export async function errorSummaryHasFocus(page: Page): Promise<boolean> {
  const inside: unknown = await page.evaluate(
    `!!(document.activeElement && document.activeElement.closest('.govuk-error-summary'))`,
  );
  return inside === true;
}

/** The success banner's text, or null when there is none. */
export async function successBanner(page: Page): Promise<string | null> {
  const banner = page.locator('.govuk-notification-banner--success');
  if ((await banner.count()) === 0) return null;
  return (await banner.locator('.govuk-notification-banner__content').innerText()).trim();
}

/** The service navigation's links, and which one is marked as the current page. */
export async function navigation(page: Page): Promise<{ links: string[]; current: string | null }> {
  const nav = page.locator('.govuk-service-navigation');
  if ((await nav.count()) === 0) return { links: [], current: null };
  const links = await nav.locator('a.govuk-service-navigation__link').allInnerTexts();
  const current = nav.locator('[aria-current="page"]');
  return {
    links: links.map((l) => l.trim()),
    current: (await current.count()) > 0 ? (await current.first().innerText()).trim() : null,
  };
}
