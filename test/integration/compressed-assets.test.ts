import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/platform/web/compressed-assets.ts';
import { createTestOrganisation, startTestApp, type TestApp } from '../support/test-app.ts';
import { signedIn, TestBrowser } from '../support/web-client.ts';

const GOVUK = join(
  dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
);
const FILES: Record<string, string> = {
  'app.css': new URL('../../src/platform/web/assets/app.css', import.meta.url).pathname,
  'govuk-frontend.min.css': join(GOVUK, 'govuk-frontend.min.css'),
  'govuk-frontend.min.js': join(GOVUK, 'govuk-frontend.min.js'),
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

void describe('assets: compressed, under versioned names, cached for a year; pages never cached', () => {
  let t: TestApp;
  let urls: Record<string, string>;

  before(async () => {
    t = await startTestApp();
    const page = await new TestBrowser(t).get('/sign-in');
    urls = {};
    for (const name of Object.keys(FILES)) {
      const escaped = name.replaceAll('.', '\\.');
      const match = new RegExp(`["'](/assets/[0-9a-f]{12}/${escaped})["']`).exec(page.body);
      assert.ok(match?.[1], `the page links ${name} under a versioned name`);
      urls[name] = match[1];
    }
  });
  after(() => t.close());

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  void it('sends brotli to a browser that accepts it, with immutable caching', async () => {
    for (const [name, file] of Object.entries(FILES)) {
      const response = await get(urls[name] ?? '', 'gzip, deflate, br, zstd');
      assert.equal(response.statusCode, 200, name);
      assert.equal(response.headers['content-encoding'], 'br', name);
      assert.equal(response.headers['cache-control'], IMMUTABLE, name);
      assert.match(String(response.headers.vary), /accept-encoding/i, name);
      const original = readFileSync(file);
      assert.ok(response.rawPayload.length < original.length / 2, `${name} is compressed`);
      assert.deepEqual(brotliDecompressSync(response.rawPayload), original, name);
    }
    assert.match(String((await get(urls['app.css'] ?? '', 'br')).headers['content-type']), /^text\/css/);
    assert.match(
      String((await get(urls['govuk-frontend.min.js'] ?? '', 'br')).headers['content-type']),
      /javascript/,
    );
  });

  void it('sends gzip, or the file as it is, to clients that accept only those', async () => {
    const original = readFileSync(FILES['app.css'] ?? '');
    const gzipped = await get(urls['app.css'] ?? '', 'gzip');
    assert.equal(gzipped.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzipped.rawPayload), original);
    const refusingBrotli = await get(urls['app.css'] ?? '', 'br;q=0, gzip');
    assert.equal(refusingBrotli.headers['content-encoding'], 'gzip');
    const plain = await get(urls['app.css'] ?? '');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.rawPayload, original);
    assert.equal(plain.headers['cache-control'], IMMUTABLE);
    assert.equal(chooseEncoding('identity'), 'identity');
    assert.equal(chooseEncoding('BR'), 'br');
  });

  void it('names a file by its content: another hash is not found, and is not cached', async () => {
    const stale = (urls['app.css'] ?? '').replace(/[0-9a-f]{12}/, '000000000000');
    const response = await get(stale, 'br');
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['cache-control'], 'no-store');
    // The unversioned name still works, for a day (links in old bookmarks and e-mails).
    const unversioned = await get('/assets/app.css', 'br');
    assert.equal(unversioned.statusCode, 200);
    assert.equal(unversioned.headers['cache-control'], 'public, max-age=86400');
  });

  void it('never caches nor compresses pages, which hold personal data', async () => {
    const org = await createTestOrganisation(t, 'hos-code-2024');
    const { browser } = await signedIn(t, org.organisationId, 'complaints-officer');
    for (const [url, client] of [
      ['/dashboard', browser],
      ['/cases', browser],
      ['/sign-in', new TestBrowser(t)],
    ] as const) {
      const page = await client.get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(page.status, 200, url);
      assert.equal(page.headers['cache-control'], 'no-store', url);
      assert.equal(page.headers['content-encoding'], undefined, url);
      assert.match(page.body, /\/assets\/[0-9a-f]{12}\/app\.css/, url);
    }
  });
});
