// What browser tests need: the built web app, the real server in a child process, and Chromium.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { createScratchDatabase, type ScratchDatabase, TEST_DATA_KEY } from '../db-template.ts';
import { copyTemplateForServer, pgliteServerTemplate, requireNode24 } from './server-template.ts';

export { buildWeb } from './server-template.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A Sigap server running as a child process. */
export type RunningServer = {
  baseUrl: string;
  adminPassword: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  /**
   * Stops the server process (SIGTERM, wait for exit) but keeps its data: the honest way to take the
   * network away from a page and its service worker. `resume` starts it again.
   */
  pause(): Promise<void>;
  /** Starts the server again on the same port with the same data, and waits until it answers. */
  resume(): Promise<void>;
  /** SIGTERM, wait for exit, then remove its data folder (and its PostgreSQL database, if any). */
  stop(): Promise<void>;
  /**
   * Runs `sigap <args>` on the server's data (the server is paused meanwhile, as the command line requires
   * for an embedded database) and returns what it printed.
   */
  cli(args: readonly string[]): Promise<string>;
};

type ServerProcess = { child: ChildProcess; exited: Promise<number | null> };

/**
 * Starts the real server (`node src/server/main.ts`) on a free port with a temporary DATA_DIR.
 * When DATABASE_URL is set, the server gets a new, empty database on that PostgreSQL server, so the
 * administrator password is the one given here; the database is dropped on stop.
 */
export async function startServer(
  options: {
    env?: Record<string, string>;
    /**
     * Built-in HTTPS: the certificate authority (PEM) that signed TLS_CERT_FILE, which must name 127.0.0.1.
     * The test process then trusts this authority too (fetch, callApi) and `baseUrl` is https://127.0.0.1:…
     */
    trustedCa?: string;
    /**
     * Starts from a copy of the tests' migrated template (test/db-template.ts) with all regions loaded, instead
     * of migrating an empty database: what browser tests use. The server still runs its own start-up on it.
     */
    fromTemplate?: boolean;
  } = {},
): Promise<RunningServer> {
  requireNode24();
  const adminPassword = 'rahasia-admin-uji-1';
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sigap-browser-'));
  let database: ScratchDatabase | undefined;
  if (process.env.DATABASE_URL) {
    database = options.fromTemplate
      ? await copyTemplateForServer()
      : await createScratchDatabase({ isEmpty: true });
  } else if (options.fromTemplate) {
    await cp(await pgliteServerTemplate(), path.join(dataDir, 'pglite'), { recursive: true });
  }
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SIGAP_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
    SIGAP_DATA_KEY: TEST_DATA_KEY,
    // Other features' pages are tested without a second factor; the TOTP test passes the default back.
    TOTP_REQUIRED_ROLES: 'none',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  };
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  const spawnServer = (): ServerProcess => {
    const child = spawn(process.execPath, ['src/server/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exited };
  };
  let current: ServerProcess | undefined = spawnServer();

  const cleanUp = async () => {
    if (current) await stopChild(current.child, current.exited);
    current = undefined;
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  if (options.trustedCa) {
    // Added to the authorities this test process trusts, with every check kept (no blanket ignore).
    tls.setDefaultCACertificates([...tls.getCACertificates('default'), options.trustedCa]);
  }
  const baseUrl = `${options.trustedCa ? 'https' : 'http'}://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, current.exited, () => output);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    baseUrl,
    adminPassword,
    output: () => output,
    async pause() {
      if (current) await stopChild(current.child, current.exited);
      current = undefined;
    },
    async resume() {
      if (current) return;
      current = spawnServer();
      await waitForHealth(baseUrl, current.exited, () => output);
    },
    stop: cleanUp,
    async cli(args) {
      if (current) await stopChild(current.child, current.exited);
      current = undefined;
      try {
        return execFileSync(process.execPath, ['src/cli/sigap.ts', ...args], {
          cwd: ROOT,
          env,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 16 * 1024 * 1024,
        });
      } finally {
        current = spawnServer();
        await waitForHealth(baseUrl, current.exited, () => output);
      }
    },
  };
}

async function waitForHealth(
  baseUrl: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + 240_000; // the first start loads ~9k regions, slowly on a busy machine
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`Server exited with code ${exitCode}:\n${output()}`);
    try {
      if (baseUrl.startsWith('https:')) {
        if ((await probeHealthOverTls(baseUrl)) === 200) return;
      } else {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Server did not answer /api/health within 240 s:\n${output()}`);
}

/** GET /api/health over HTTPS, checking the server against the trusted authorities (startServer's trustedCa). */
function probeHealthOverTls(baseUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.get(`${baseUrl}/api/health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in through the API (not the page) and returns the session cookie and CSRF token. */
export async function signInByApi(
  server: RunningServer,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrfToken };
}

/** Creates a user through the admin API; returns their id, username and password. */
export async function createUserByApi(
  server: RunningServer,
  input: { username: string; role: string; region: string; displayName?: string },
): Promise<{ id: string; username: string; password: string }> {
  const admin = await signInByApi(server, 'admin', server.adminPassword);
  const password = 'kata-sandi-uji-1';
  const response = await fetch(`${server.baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ ...input, password }),
  });
  if (response.status !== 201)
    throw new Error(`creating a user failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, username: input.username, password };
}

/** One request to the API as a signed-in user (cookie and CSRF token from signInByApi). */
export async function callApi<T = unknown>(
  server: RunningServer,
  session: { cookie: string; csrfToken: string },
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${apiPath}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Launches Debian's Chromium headless through playwright-core; `extraArgs` are added to its command line. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get install -y --no-install-recommends chromium ` +
        '(or set CHROMIUM_PATH).',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  // Every context, and so every page of every browser test, reports Content-Security-Policy violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCspViolations(context);
    return context;
  };
  browser.newPage = async (options) => (await browser.newContext(options)).newPage();
  return browser;
}

/** Violations of the Content-Security-Policy seen by any page since they were last taken. */
const cspViolations: string[] = [];

async function watchCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__sigapCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __sigapCspViolation(text: string): Promise<void> })
        .__sigapCspViolation;
      void report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
}

/** Takes the CSP violations seen so far (a test that provokes one on purpose takes it). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

// A browser test fails when any page violated the CSP while it ran (a script or style the policy blocks).
// Only under the test runner: the benches import this harness from plain Node.
if (process.env.VITEST) {
  afterEach(() => {
    const seen = takeCspViolations();
    if (seen.length > 0) throw new Error(`Content-Security-Policy violated:\n  ${seen.join('\n  ')}`);
  });
}

/**
 * Types a WIB day ('2026-08-22') or day and time ('2026-08-22T21:30') into a date field (src/web/WibDateField.tsx)
 * as a person does: the day as 22/08/2026 into the labelled input, the time as 21.30 into the one beside it.
 */
export async function fillWibDate(dayInput: Locator, value: string): Promise<void> {
  const [date, time] = value.split('T');
  const [year, month, day] = date.split('-');
  await dayInput.fill(`${day}/${month}/${year}`);
  if (time)
    await dayInput.locator('xpath=following-sibling::input[1]').fill(time.slice(0, 5).replace(':', '.'));
}

/** Saves a screenshot (full page unless told otherwise) to test-artifacts/<name>.png and returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/**
 * What a page showed when a test failed, for the test's log (CI keeps only its output): the address, the headings,
 * the named regions, what is open or pressed, the alerts and statuses. A screenshot goes to test-artifacts too.
 */
export async function describeFailedPage(page: Page, testName: string): Promise<string> {
  if (page.isClosed()) return `${testName}: the page was already closed`;
  const name = `failed-${testName.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 80)}`;
  const screenshot = await saveScreenshot(page, name).catch((error) => `no screenshot (${error})`);
  const outline = await page
    .evaluate(() => {
      const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120);
      const lines: string[] = [];
      for (const el of Array.from(
        document.querySelectorAll('h1, h2, [role=region], section[aria-label], section[aria-labelledby]'),
      )) {
        const label =
          el.getAttribute('aria-label') ??
          document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent;
        lines.push(
          label ? `${el.tagName.toLowerCase()} "${label.trim()}"` : `${el.tagName.toLowerCase()} ${text(el)}`,
        );
      }
      for (const el of Array.from(
        document.querySelectorAll('[aria-expanded], [aria-selected=true], [aria-pressed=true]'),
      ))
        lines.push(
          `${el.tagName.toLowerCase()} "${text(el)}" expanded=${el.getAttribute('aria-expanded')} selected=${el.getAttribute('aria-selected')}`,
        );
      for (const el of Array.from(document.querySelectorAll('[role=alert], [role=status]')))
        if (text(el)) lines.push(`${el.getAttribute('role')}: ${text(el)}`);
      return lines.join('\n  ');
    })
    .catch((error) => `no outline (${error})`);
  return `${testName} failed on ${page.url()} (screenshot: ${screenshot})\n  ${outline}`;
}

/**
 * Collects what should never happen on a page: uncaught errors and console errors (a blocked
 * inline script shows up here as a CSP violation). Refused requests (4xx) are expected and left out.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** Axe's serious and critical violations on the page (WCAG 2.1 A and AA), one readable line each. */
export async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}
