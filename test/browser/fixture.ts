// The one set-up every browser test file uses: the real server (started from the migrated template database),
// Chromium, the users the file names, an `api()` helper that calls the server as any of them, and, when asked,
// a fresh page for each test whose uncaught errors fail the test.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  describeFailedPage,
  launchChromium,
  type RunningServer,
  signInByApi,
  startServer,
  watchPageProblems,
} from './browser-harness.ts';

/** The password of every user a fixture creates. */
export const PASSWORD = 'kata-sandi-uji-1';
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };
/** A cheap Android phone in East Java: its small screen, touch, Indonesian and WIB. */
export const FIELD_PHONE = {
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
} as const satisfies BrowserContextOptions;

export type UserSpec = {
  username: string;
  role: string;
  region: string;
  displayName?: string;
  agencyId?: string;
};
export type TestUser = { id: string; username: string; password: string };
export type Session = { cookie: string; csrfToken: string };
export type OpenPage = { context: BrowserContext; page: Page; problems: string[] };

export type FixtureOptions = {
  /** Extra environment for the server (on top of the harness's test defaults). */
  env?: Record<string, string>;
  /** Built-in HTTPS: the authority that signed TLS_CERT_FILE (see startServer). */
  trustedCa?: string;
  /** Extra Chromium command-line switches. */
  chromiumArgs?: readonly string[];
  /** Users created through the admin API before the file's own set-up runs, in this order. */
  users?: readonly UserSpec[];
  /** A new browser context and page for every test with these options (baseURL is the server's). */
  pagePerTest?: BrowserContextOptions;
};

/** One JSON request; `ok` says whether it answered 2xx. */
type Answer<T> = { status: number; ok: boolean; body: T; text: string };

export class BrowserFixture {
  #server: RunningServer | undefined;
  #browser: Browser | undefined;
  #current: OpenPage | undefined;
  readonly #users = new Map<string, TestUser>();
  readonly #tokens = new Map<string, string>();
  readonly #sessions = new Map<string, Session>();

  get server(): RunningServer {
    if (!this.#server)
      throw new Error('The browser fixture has not started (use it inside tests and hooks).');
    return this.#server;
  }
  get browser(): Browser {
    if (!this.#browser)
      throw new Error('The browser fixture has not started (use it inside tests and hooks).');
    return this.#browser;
  }
  get baseUrl(): string {
    return this.server.baseUrl;
  }
  /** This test's page (only with `pagePerTest`). */
  get page(): Page {
    return this.#currentPage().page;
  }
  get context(): BrowserContext {
    return this.#currentPage().context;
  }
  /** What went wrong on this test's page so far (checked after each test). */
  get problems(): string[] {
    return this.#currentPage().problems;
  }

  #currentPage(): OpenPage {
    if (!this.#current) throw new Error('No page for this test: give the fixture `pagePerTest`.');
    return this.#current;
  }

  async start(options: FixtureOptions): Promise<void> {
    this.#server = await startServer({ env: options.env, trustedCa: options.trustedCa, fromTemplate: true });
    this.#browser = await launchChromium(options.chromiumArgs);
    this.#users.set('admin', { id: '', username: 'admin', password: this.#server.adminPassword });
    for (const spec of options.users ?? []) await this.createUser(spec);
  }

  async stop(): Promise<void> {
    await this.#current?.context.close();
    await this.#browser?.close();
    await this.#server?.stop();
  }

  /** A user the fixture knows ('admin' included): id, username and password. */
  user(username: string): TestUser {
    const found = this.#users.get(username);
    if (!found) throw new Error(`No test user ${username}`);
    return found;
  }

  /** Creates a user as the admin (password PASSWORD) and remembers them for `api`, `signIn` and `user`. */
  async createUser(spec: UserSpec): Promise<TestUser> {
    const { user } = await this.api<{ user: { id: string } }>('admin', 'POST', '/api/users', {
      ...spec,
      password: PASSWORD,
    });
    const created = { id: user.id, username: spec.username, password: PASSWORD };
    this.#users.set(spec.username, created);
    return created;
  }

  /** A cookie session for a user (signed in through the API once, then reused). */
  async session(username: string): Promise<Session> {
    let session = this.#sessions.get(username);
    if (!session) {
      session = await signInByApi(this.server, username, this.user(username).password);
      this.#sessions.set(username, session);
    }
    return session;
  }

  /** A bearer token for a user (made through /api/tokens once, then reused). */
  async token(username: string): Promise<string> {
    let token = this.#tokens.get(username);
    if (!token) {
      const made = await this.#request<{ token: string }>(
        await this.session(username),
        'POST',
        '/api/tokens',
        { label: 'uji browser' },
      );
      if (!made.ok) throw new Error(`making a token for ${username} failed: ${made.status} ${made.text}`);
      token = made.body.token;
      this.#tokens.set(username, token);
    }
    return token;
  }

  /** One JSON request as `username` (bearer token); throws on anything but 2xx and returns the body. */
  async api<T = unknown>(username: string, method: string, url: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(username, method, url, body);
    if (!answer.ok) throw new Error(`${method} ${url} as ${username}: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  /** One JSON request as `username` (bearer token), whatever it answers: status and body. */
  async call<T = unknown>(username: string, method: string, url: string, body?: unknown): Promise<Answer<T>> {
    return this.#request<T>({ token: await this.token(username) }, method, url, body);
  }

  async #request<T>(
    as: Session | { token: string },
    method: string,
    url: string,
    body: unknown,
  ): Promise<Answer<T>> {
    const auth: Record<string, string> =
      'token' in as
        ? { authorization: `Bearer ${as.token}` }
        : { cookie: as.cookie, 'x-csrf-token': as.csrfToken };
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: response.status, ok: response.ok, body: parsed as T, text };
  }

  /** A new browser context (baseURL the server's) and page, with the page's problems collected. */
  async openPage(options: BrowserContextOptions = {}): Promise<OpenPage> {
    const context = await this.browser.newContext({ baseURL: this.baseUrl, ...options });
    const page = await context.newPage();
    return { context, page, problems: watchPageProblems(page) };
  }

  /** Opens the start page and signs in through its form (the fixture's password unless given). */
  async signIn(page: Page, username: string, password?: string): Promise<void> {
    await page.goto('/');
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password ?? this.user(username).password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }

  async openTestPage(options: BrowserContextOptions): Promise<void> {
    this.#current = await this.openPage(options);
  }

  async closeTestPage(): Promise<string[]> {
    const current = this.#currentPage();
    this.#current = undefined;
    await current.context.close();
    return current.problems;
  }
}

/**
 * Registers the file's set-up: the server and Chromium before all tests (then the users), both stopped after;
 * with `pagePerTest`, a new page before each test, closed after it, and the test fails on any page problem.
 * Options may be a function when they depend on work done first (certificates, folders).
 */
export function useBrowserFixture(
  options: FixtureOptions | (() => Promise<FixtureOptions>) = {},
): BrowserFixture {
  const fixture = new BrowserFixture();
  let pagePerTest: BrowserContextOptions | undefined =
    typeof options === 'function' ? undefined : options.pagePerTest;
  beforeAll(async () => {
    const resolved = typeof options === 'function' ? await options() : options;
    pagePerTest = resolved.pagePerTest;
    await fixture.start(resolved);
  }, 240_000);
  afterAll(() => fixture.stop());
  beforeEach(async () => {
    if (pagePerTest) await fixture.openTestPage(pagePerTest);
  });
  afterEach(async ({ task }) => {
    if (!pagePerTest) return;
    if (task.result?.state === 'fail') console.log(await describeFailedPage(fixture.page, task.name));
    expect(await fixture.closeTestPage()).toEqual([]);
  });
  return fixture;
}
