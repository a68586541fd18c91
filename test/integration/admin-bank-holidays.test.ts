import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SHIPPED_BANK_HOLIDAY_LIST,
  toGovUkFormat,
  useBankHolidayList,
} from '../../src/domain/calendar/index.ts';
import { importBankHolidayList } from '../../src/modules/bank-holidays/import-bank-holiday-list.use-case.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import { heading, signedIn } from '../support/web-client.ts';

/** The rows of the table with this caption, as [date, name] pairs. */
function tableRows(body: string, caption: string): string[][] {
  const start = body.indexOf(`${caption}</caption>`);
  if (start < 0) return [];
  const table = body.slice(start, body.indexOf('</table>', start));
  return [
    ...table.matchAll(
      /<th scope="row" class="govuk-table__header">([^<]*)<\/th>\s*<td class="govuk-table__cell">([^<]*)<\/td>/g,
    ),
  ].map((m) => [m[1] ?? '', m[2] ?? '']);
}

void describe('administration: bank holidays', () => {
  let t: TestApp;
  let scottish: string;
  let english: string;

  before(async () => {
    t = await startTestApp();
    t.clock.set('2026-06-12T10:00:00Z');
    scottish = (await createTestOrganisation(t, 'spso-mchp', undefined, 'Braw Housing')).organisationId;
    english = (await createTestOrganisation(t, 'hos-code-2024', undefined, 'Alpha Homes')).organisationId;
  });
  after(async () => {
    useBankHolidayList(null);
    await t.close();
  });

  void it('shows a Scottish landlord Scotland’s holidays this year and next, from the shipped list', async () => {
    const { browser } = await signedIn(t, scottish, 'administrator');
    const index = await browser.get('/admin');
    assert.match(index.body, /<a class="govuk-link" href="\/admin\/bank-holidays">Bank holidays<\/a>/);
    const page = await browser.get('/admin/bank-holidays');
    assert.equal(page.status, 200);
    assert.equal(heading(page.body), 'Bank holidays');
    assert.match(page.body, /The copy of the GOV\.UK list shipped with PutRight/);
    assert.match(page.body, /Not updated since PutRight was installed/);
    assert.match(page.body, /The GOV\.UK list covers 2019 to 2027\./);
    const rows2026 = tableRows(page.body, 'Scotland, 2026: from the GOV.UK list');
    assert.deepEqual(rows2026.slice(4, 7), [
      ['Monday 25 May 2026', 'Spring bank holiday'],
      ['Monday 15 June 2026', 'Extra bank holiday'],
      ['Monday 3 August 2026', 'Summer bank holiday'],
    ]);
    assert.equal(rows2026.length, 10);
    assert.deepEqual(tableRows(page.body, 'Scotland, 2027: from the GOV.UK list')[1], [
      'Monday 4 January 2027',
      '2nd January (substitute day)',
    ]);
    assert.doesNotMatch(page.body, /England and Wales/, 'only the organisation’s own countries');
  });

  void it('says when the list was last updated and where from; years it does not cover come from date-holidays', async () => {
    t.clock.set('2027-02-03T11:00:00Z');
    const list = toGovUkFormat(SHIPPED_BANK_HOLIDAY_LIST);
    list['england-and-wales'].events.push({
      title: 'A proclaimed day',
      date: '2027-06-16',
      notes: '',
      bunting: true,
    });
    await importBankHolidayList(
      { db: t.database.db, clock: t.clock },
      list,
      'https://www.gov.uk/bank-holidays.json',
      'cli',
    );
    const { browser } = await signedIn(t, english, 'administrator');
    const page = await browser.get('/admin/bank-holidays');
    assert.match(page.body, /The GOV\.UK list, fetched from https:\/\/www\.gov\.uk\/bank-holidays\.json/);
    assert.match(page.body, /3 February 2027 by cli/);
    assert.match(page.body, /<h2 class="govuk-heading-m">England and Wales<\/h2>/);
    assert.deepEqual(tableRows(page.body, 'England and Wales, 2027: from the GOV.UK list')[5], [
      'Wednesday 16 June 2027',
      'A proclaimed day',
    ]);
    const from2028 = tableRows(page.body, 'England and Wales, 2028: from the date-holidays rules library');
    assert.deepEqual(from2028[0], ['Monday 3 January 2028', 'New Year&#39;s Day (substitute day)']);
    assert.doesNotMatch(page.body, /Scotland/);
  });

  void it('is refused to everyone but administrators', async () => {
    for (const role of ['handler', 'complaints-officer', 'senior-lead'] as const) {
      const { browser } = await signedIn(t, english, role);
      const page = await browser.get('/admin/bank-holidays');
      assert.equal(page.status, 403, role);
      assert.equal(heading(page.body), 'You do not have permission');
    }
  });
});
