import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { ROLES, rolesAllowedTo } from '../../src/domain/access/permissions.ts';
import { MAX_EVIDENCE_BYTES } from '../../src/domain/evidence/evidence.ts';
import { receiveComplaintUseCase } from '../../src/modules/complaints/receive-complaint.use-case.ts';
import {
  actingAs,
  complaintInput,
  createTestOrganisation,
  OFFICER,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, signedIn, type TestBrowser } from '../support/web-client.ts';

/** A real 1×1 PNG, and the start of a real PDF: what file-type reads from the content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program (MZ header) and plain text, both named as photos. */
const PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const TEXT = Buffer.from('not a photo at all, just words');

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const fileLinks = (body: string) =>
  [
    ...body.matchAll(/<a class="govuk-link" href="([^"]+\/evidence\/[0-9a-f-]{36})" download>([^<]+)<\/a>/g),
  ].map((m) => ({ href: m[1] ?? '', name: m[2] ?? '' }));

void describe('evidence: documents and photos on a case', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let handler: TestBrowser;
  let reference: string;
  let otherReference: string;
  const deps = () => ({ db: t.database.db, clock: t.clock });
  const upload = (browser: TestBrowser, fileName: string, data: Buffer, description = '') =>
    browser.postWithFile(
      `/cases/${reference}/evidence/new`,
      { description },
      { field: 'file', fileName, contentType: 'image/jpeg', data },
    );
  const evidenceCount = async () =>
    rowsOf<{ n: number }>(
      await t.database.db.forOrganisation(org.organisationId, (tx) =>
        tx.execute(sql`select count(*)::int as n from case_evidence`),
      ),
    )[0]?.n;
  const storedFiles = async () => {
    const folder = join(t.evidenceDir, org.organisationId);
    return (await readdir(folder).catch(() => [])).length;
  };

  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Evidence Homes');
    other = await createTestOrganisation(t, 'hos-code-2024', undefined, 'Other Homes');
    ({ browser: handler } = await signedIn(t, org.organisationId, 'handler', { name: 'Hana Handler' }));
    reference = (
      await receiveComplaintUseCase(deps(), org.organisationId, complaintInput(), actingAs(OFFICER))
    ).reference;
    otherReference = (
      await receiveComplaintUseCase(deps(), other.organisationId, complaintInput(), actingAs(OFFICER))
    ).reference;
    await handler.get(`/cases/${reference}/evidence/new`);
  });
  after(() => t.close());

  void it('keeps a photo with the case, lists it, and gives back exactly those bytes', async () => {
    const posted = await upload(
      handler,
      'C:\\Users\\me\\damp <bedroom>.png',
      PNG,
      'Damp in the back bedroom',
    );
    assert.equal(posted.status, 303, errorSummary(posted.body) ?? '');
    assert.equal(posted.location, `/cases/${reference}?done=evidence-added#evidence`);
    const page = await handler.get(`/cases/${reference}?done=evidence-added`);
    assert.match(text(page.body), /Evidence added/);
    assert.match(
      text(page.body),
      /damp bedroom\.png \(PNG image, 1 KB\) Damp in the back bedroom Added by Hana Handler/,
    );
    const [link] = fileLinks(page.body);
    assert.ok(link);
    const download = await handler.get(link.href);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="damp_bedroom\.png"$/,
    );
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(download.response.rawPayload, PNG);
    // Kept outside the web root, readable by the server's user alone.
    const folder = join(t.evidenceDir, org.organisationId);
    assert.equal((await stat(folder)).mode & 0o777, 0o700);
    const [stored] = await readdir(folder);
    assert.equal((await stat(join(folder, stored ?? ''))).mode & 0o777, 0o600);
    const [entry] = rowsOf<{ details: Record<string, unknown> }>(
      await t.database.db.forOrganisation(org.organisationId, (tx) =>
        tx.execute(sql`select details from audit_log where action = 'evidence.added'`),
      ),
    );
    assert.equal(entry?.details.caseReference, reference);
    assert.equal(entry?.details.mediaType, 'image/png');
    assert.doesNotMatch(JSON.stringify(entry), /damp/i, 'the audit log does not copy the file’s name');
  });

  void it('judges a file by its content, not its name', async () => {
    const pdf = await upload(handler, 'scan.jpg', PDF);
    assert.equal(pdf.status, 303, errorSummary(pdf.body) ?? '');
    const names = fileLinks((await handler.get(`/cases/${reference}`)).body).map((l) => l.name);
    assert.ok(names.includes('scan.pdf'), `a PDF named .jpg is kept as the PDF it is: ${names.join(', ')}`);
    const before = [await evidenceCount(), await storedFiles()];
    for (const [name, data] of [
      ['holiday.jpg', PROGRAM],
      ['photo.png', TEXT],
    ] as const) {
      const refused = await upload(handler, name, data);
      assert.equal(refused.status, 400, name);
      assert.equal(
        errorSummary(refused.body),
        'The file must be a photo (JPEG, PNG, HEIC or WebP), a PDF or a Word document',
      );
      assert.match(refused.body, /href="#file"/);
    }
    assert.deepEqual([await evidenceCount(), await storedFiles()], before, 'nothing kept');
  });

  void it('refuses a file too large, an empty form and unstorable text, keeping nothing', async () => {
    const before = [await evidenceCount(), await storedFiles()];
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_EVIDENCE_BYTES, 1)]);
    const tooBig = await upload(handler, 'huge.png', big, 'Too big');
    assert.equal(tooBig.status, 400);
    assert.equal(errorSummary(tooBig.body), 'The file must be smaller than 20 MB');
    assert.match(tooBig.body, /Too big<\/textarea>/, 'the description is kept');
    const none = await handler.postWithFile(`/cases/${reference}/evidence/new`, { description: '' }, null);
    assert.equal(none.status, 400);
    assert.equal(errorSummary(none.body), 'Choose a file to upload');
    const empty = await upload(handler, '', Buffer.alloc(0));
    assert.equal(empty.status, 400);
    assert.equal(errorSummary(empty.body), 'Choose a file to upload');
    const nul = await upload(handler, 'photo.png', PNG, 'bad \u0000 text');
    assert.equal(nul.status, 400);
    assert.deepEqual([await evidenceCount(), await storedFiles()], before);
  });

  void it('is refused to roles that do not work on cases, without a CSRF token, and across organisations', async () => {
    const [link] = fileLinks((await handler.get(`/cases/${reference}`)).body);
    assert.ok(link);
    const allowed = rolesAllowedTo('view-cases');
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      const { browser } = await signedIn(t, org.organisationId, role);
      assert.equal((await browser.get(`/cases/${reference}/evidence/new`)).status, 403, role);
      assert.equal((await browser.get(link.href)).status, 403, role);
      await browser.get('/dashboard');
      assert.equal(
        (
          await browser.postWithFile(
            `/cases/${reference}/evidence/new`,
            {},
            {
              field: 'file',
              fileName: 'a.png',
              contentType: 'image/png',
              data: PNG,
            },
          )
        ).status,
        403,
        role,
      );
    }
    const noToken = await handler.postWithFile(
      `/cases/${reference}/evidence/new`,
      {},
      { field: 'file', fileName: 'a.png', contentType: 'image/png', data: PNG },
      { csrf: null },
    );
    assert.equal(noToken.status, 403);
    const { browser: stranger } = await signedIn(t, other.organisationId, 'complaints-officer');
    assert.equal((await stranger.get(link.href)).status, 404, 'another organisation’s file is not found');
    // This organisation's file asked for under another case is not found either.
    const evidenceId = link.href.split('/').at(-1) ?? '';
    assert.equal((await stranger.get(`/cases/${otherReference}/evidence/${evidenceId}`)).status, 404);
    assert.equal((await handler.get(`/cases/${reference}/evidence/${randomUUID()}`)).status, 404);
  });
});
