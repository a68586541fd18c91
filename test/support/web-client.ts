import type { CaseActor } from '../../src/modules/complaints/case-actor.ts';
import type { LightMyRequestResponse } from 'fastify';
import { createStaffAccount } from '../../src/modules/staff/create-staff-account.use-case.ts';
import type { StaffRole } from '../../src/modules/staff/staff-roles.ts';
import type { TestApp } from './test-app.ts';

export interface WebResponse {
  status: number;
  body: string;
  headers: LightMyRequestResponse['headers'];
  location: string | undefined;
  response: LightMyRequestResponse;
}

let addresses = 0;
/** A fresh client address, so that each test has its own sign-in throttle. */
export function nextAddress(): string {
  addresses += 1;
  return `10.${String((addresses >> 16) & 255)}.${String((addresses >> 8) & 255)}.${String(addresses & 255)}`;
}

/**
 * A browser for app.inject: keeps cookies as a browser would (dropping cleared ones), remembers the
 * last CSRF token a page gave it, and sends forms url-encoded from its own address.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    private readonly t: TestApp,
    readonly address: string = nextAddress(),
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): WebResponse {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]*)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    const location = response.headers.location;
    return {
      status: response.statusCode,
      body: response.body,
      headers: response.headers,
      location: typeof location === 'string' ? location : undefined,
      response,
    };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<WebResponse> {
    const response = await this.t.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.address,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    return this.remember(response);
  }

  /**
   * Posts a form. The CSRF token is the last one a page gave this browser, unless `csrf` says
   * otherwise (null: send none).
   */
  async post(
    url: string,
    /** A field given several values (checkboxes) is sent once for each. */
    form: Record<string, string | string[]> = {},
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<WebResponse> {
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    const fields = Object.entries({
      ...form,
      ...(csrf === null || csrf === undefined ? {} : { _csrf: csrf }),
    }).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
    );
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...options.headers,
      },
      payload: new URLSearchParams(fields).toString(),
    });
    return this.remember(response);
  }

  /**
   * Posts a form with a file (`multipart/form-data`), as a browser's file upload does. The CSRF token
   * is the last one a page gave, unless `csrf` says otherwise (null: send none).
   */
  async postWithFile(
    url: string,
    form: Record<string, string>,
    file: { field: string; fileName: string; contentType: string; data: Buffer } | null,
    options: { csrf?: string | null } = {},
  ): Promise<WebResponse> {
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    const boundary = `----PutRightTest${String(Date.now())}`;
    const parts: Buffer[] = [];
    const fields = { ...form, ...(csrf === null || csrf === undefined ? {} : { _csrf: csrf }) };
    for (const [name, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    }
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\n` +
            `Content-Type: ${file.contentType}\r\n\r\n`,
        ),
        file.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.address,
      headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
    return this.remember(response);
  }

  /** Opens the sign-in page and signs in; returns the response to the form. */
  async signIn(email: string, password: string): Promise<WebResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }
}

export interface TestStaff {
  staffId: string;
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

let people = 0;

/** Creates a staff account directly through the use case (as the command line would). */
export async function createTestStaff(
  t: TestApp,
  organisationId: string,
  role: StaffRole,
  overrides: { name?: string; email?: string; password?: string; mustChangePassword?: boolean } = {},
): Promise<TestStaff> {
  people += 1;
  const email = overrides.email ?? `${role}.${String(people)}.${String(process.pid)}@example.test`;
  const password = overrides.password ?? `correct horse ${String(people)} battery`;
  const created = await createStaffAccount(
    { db: t.database.db, clock: t.clock },
    { kind: 'system', name: 'test' },
    organisationId,
    { name: overrides.name ?? `Test ${role} ${String(people)}`, email, role, temporaryPassword: password },
    { mustChangePassword: overrides.mustChangePassword ?? false },
  );
  return { staffId: created.staffId, email: created.email, name: created.name, role, password };
}

/** A signed-in browser for a new account with this role. */
export async function signedIn(
  t: TestApp,
  organisationId: string,
  role: StaffRole,
  overrides: Parameters<typeof createTestStaff>[3] = {},
): Promise<{ browser: TestBrowser; staff: TestStaff }> {
  const staff = await createTestStaff(t, organisationId, role, overrides);
  const browser = new TestBrowser(t);
  const response = await browser.signIn(staff.email, staff.password);
  if (response.status !== 303)
    throw new Error(`Sign-in failed for ${staff.email}: ${String(response.status)}`);
  return { browser, staff };
}

/** The text of the GOV.UK error summary's list, or null when the page has none. */
export function errorSummary(body: string): string | null {
  const match =
    /<div class="govuk-error-summary"[\s\S]*?<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(
      body,
    );
  return match?.[1]
    ? match[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

/** The page's <h1>, as text. */
export function heading(body: string): string | null {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body);
  return match?.[1]
    ? match[1]
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

/** A signed-in test account acting directly through a use case, as its pages would. */
export function actorOf(staff: TestStaff): CaseActor {
  return { kind: 'staff', member: { id: staff.staffId, name: staff.name }, role: staff.role };
}
