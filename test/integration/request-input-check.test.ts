import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  api,
  complaintInput,
  createTestOrganisation,
  startTestApp,
  type TestApp,
  type TestOrganisation,
} from '../support/test-app.ts';
import { errorSummary, heading, signedIn, type TestBrowser } from '../support/web-client.ts';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const cursorOf = (position: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(position)).toString('base64url');
const CASE_ID = '00000000-0000-4000-8000-000000000001';

/** A 400 problem+json with a detail that says what was wrong. */
function assertProblem(
  res: { status: number; body: any; response: { headers: Record<string, unknown> } },
  status: number,
  detail: RegExp,
): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.response.headers['content-type'], PROBLEM_JSON);
  assert.equal(res.body.status, status);
  assert.match(res.body.detail, detail);
}

/** Sends raw bytes to a listening server and reads its whole answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(request);
    });
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => {
      resolve(answer);
    });
    socket.on('error', (error) => {
      if (answer) resolve(answer);
      else reject(error);
    });
  });
}

void describe('one check of every request’s input: bad input is a 400, never a 500', () => {
  let t: TestApp;
  let org: TestOrganisation;
  let officer: TestBrowser;
  before(async () => {
    t = await startTestApp();
    org = await createTestOrganisation(t);
    officer = (await signedIn(t, org.organisationId, 'complaints-officer')).browser;
  });
  after(() => t.close());

  void it('refuses a NUL character in a path parameter, on the API and on a page (D1)', async () => {
    const read = await api(t, org, 'GET', '/api/v1/complaints/%00');
    assertProblem(read, 400, /NUL character/);
    assert.equal(read.body.errors[0].field, 'id');
    const act = await api(t, org, 'POST', '/api/v1/complaints/a%00b/accept', { actor: {} });
    assertProblem(act, 400, /NUL character/);
    const page = await officer.get('/cases/%00');
    assert.equal(page.status, 400);
    assert.equal(heading(page.body), 'There is a problem');
    assert.match(page.body, /NUL character/);
  });

  void it('refuses a lone surrogate in any text, with the field named (D2)', async () => {
    for (const field of ['summary', 'channel']) {
      const res = await api(t, org, 'POST', '/api/v1/complaints', {
        ...complaintInput(),
        [field]: 'boiler \ud800',
      });
      assertProblem(res, 400, /half of a character|surrogate/);
      assert.equal(res.body.errors[0].field, field);
    }
    const nested = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      complainant: { kind: 'named', name: 'A \udc00 B' },
    });
    assert.equal(nested.status, 400);
    assert.equal(nested.body.errors[0].field, 'complainant.name');
    const key = await api(t, org, 'POST', '/api/v1/complaints', {
      ...complaintInput(),
      ['\ud800']: 'x',
    });
    assert.equal(key.status, 400);
    const query = await api(t, org, 'GET', `/api/v1/complaints?q=${encodeURIComponent('a')}%00`);
    assert.equal(query.body.errors[0].field, 'q');
  });

  void it('refuses JSON nested too deep without overflowing the stack (D3)', async () => {
    const depth = 10_000;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: `${'['.repeat(depth)}${']'.repeat(depth)}`,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.headers['content-type'], PROBLEM_JSON);
    assert.match(res.json().detail, /nested/);
    const object = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      payload: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    });
    assert.equal(object.statusCode, 400, object.body);
  });

  void it('refuses list cursors PostgreSQL could not read, on the API and the case list (D4)', async () => {
    for (const r of [
      '0000-01-01T00:00:00Z',
      '2026-03-02T10:00:00+23:59',
      '2026-03-02T10:00:00.1234567890Z',
    ]) {
      const cursor = cursorOf({ s: 'newest', r, c: CASE_ID });
      const res = await api(t, org, 'GET', `/api/v1/complaints?cursor=${cursor}`);
      assertProblem(res, 400, /cursor/);
      assert.equal(res.body.errors[0].field, 'cursor');
      // The staff list numbers its pages: an API cursor in an old bookmark is ignored.
      const page = await officer.get(`/cases?cursor=${cursor}`);
      assert.equal(page.status, 200, r);
    }
    const deadline = cursorOf({ s: 'deadline', r: '2026-03-02T10:00:00Z', c: CASE_ID, d: '0000-01-01' });
    const byDeadline = await api(t, org, 'GET', `/api/v1/complaints?sort=deadline&cursor=${deadline}`);
    assertProblem(byDeadline, 400, /cursor/);
    const deadlinePage = await officer.get(`/cases?sort=deadline&cursor=${deadline}`);
    assert.equal(deadlinePage.status, 200);
    // Its page numbers are checked instead: a whole number, 1 or more; past the end shows the last.
    for (const [page, status] of [
      ['0', 400],
      ['1e400', 400],
      ['-3', 400],
      ['99999999999999999999', 400],
      ['400000', 200],
    ] as const) {
      const listed = await officer.get(`/cases?page=${page}`);
      assert.equal(listed.status, status, page);
      if (status === 400) assert.match(errorSummary(listed.body) ?? '', /page number/);
    }
  });

  void it('reads an audit log cursor PostgreSQL could not use as no cursor, not a 500 (D4)', async () => {
    const { browser: admin } = await signedIn(t, org.organisationId, 'administrator');
    for (const position of [
      { stream: 'event', micros: '1000', caseId: CASE_ID, sequence: 2 ** 40 },
      { stream: 'audit', micros: '1000', auditId: 2 ** 63 },
    ]) {
      const page = await admin.get(`/admin/audit?after=${cursorOf(position)}`);
      assert.equal(page.status, 200, JSON.stringify(position));
    }
  });

  void it('refuses instants the domain could not read: too many fractional digits, far offsets (D5)', async () => {
    for (const receivedAt of [
      '2026-03-02T10:00:00.1234567890Z',
      '2026-03-02T10:00:00+23:59',
      '2026-03-02T10:00:00+15:00',
      '0000-01-01T00:00:00Z',
    ]) {
      const res = await api(t, org, 'POST', '/api/v1/complaints', complaintInput({ receivedAt }));
      assertProblem(res, 400, /receivedAt/);
      assert.deepEqual(
        res.body.errors.map((e: { field: string }) => e.field),
        ['receivedAt'],
      );
    }
    const fine = await api(
      t,
      org,
      'POST',
      '/api/v1/complaints',
      complaintInput({ receivedAt: '2026-03-02T10:00:00.123456789+01:00' }),
    );
    assert.equal(fine.status, 201, JSON.stringify(fine.body));
  });

  void it('answers Fastify’s own errors as problem+json on the API and error pages elsewhere (D6)', async () => {
    const badEncoding = await api(t, org, 'GET', '/api/v1/complaints/%E0%A4%A');
    assertProblem(badEncoding, 400, /percent-encoding|address/);
    const longId = await api(t, org, 'GET', `/api/v1/complaints/${'x'.repeat(101)}`);
    assertProblem(longId, 414, /too long/);
    const badPage = await officer.get('/cases/%E0%A4%A');
    assert.equal(badPage.status, 400);
    assert.match(String(badPage.headers['content-type']), /text\/html/);
    assert.equal(heading(badPage.body), 'There is a problem');
    const longPage = await officer.get(`/cases/${'x'.repeat(101)}`);
    assert.equal(longPage.status, 414);
    assert.match(String(longPage.headers['content-type']), /text\/html/);
  });

  void it('answers headers over the limit with a 431 problem+json (D6)', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const big = `X-Big: ${'a'.repeat(20_000)}\r\n`;
    const apiAnswer = await rawRequest(port, `GET /api/v1/complaints HTTP/1.1\r\nHost: x\r\n${big}\r\n`);
    assert.match(apiAnswer, /^HTTP\/1\.1 431 /);
    assert.match(apiAnswer, /content-type: application\/problem\+json/i);
    const body = JSON.parse(apiAnswer.slice(apiAnswer.indexOf('\r\n\r\n') + 4));
    assert.equal(body.status, 431);
    assert.match(body.detail, /headers/);
    const pageAnswer = await rawRequest(port, `GET /cases HTTP/1.1\r\nHost: x\r\n${big}\r\n`);
    assert.match(pageAnswer, /^HTTP\/1\.1 431 /);
    assert.match(pageAnswer, /content-type: text\/html/i);
  });

  void it('refuses a NUL or a lone surrogate in a staff form or query with a 400 page', async () => {
    await officer.get('/contacts/new');
    const form = await officer.post('/contacts/new', { summary: 'Rang\u0000 the resident' });
    assert.equal(form.status, 400);
    assert.match(form.body, /NUL character/);
    assert.doesNotMatch(form.body, /at \w+ \(|node_modules/);
    const search = await officer.get('/cases?q=%00boiler');
    assert.equal(search.status, 400);
    const headers = await t.app.inject({
      method: 'GET',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.apiKey}\u0000` },
    });
    assert.equal(headers.statusCode, 400);
    assert.equal(headers.headers['content-type'], PROBLEM_JSON);
  });
});
