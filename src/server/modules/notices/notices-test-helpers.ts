// Fakes for the notices tests: a local SMTP server that accepts every message and keeps it, decoded enough to
// read, and `noticeServers()`, the fake WhatsApp/SMS API and mail server a notices test file starts.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { channelEnv, type FakeApi, startFakeApi } from '../channels/channels-test-helpers.ts';

export type FakeSmtp = { url: string; mails: { to: string; text: string }[]; close(): Promise<void> };

/** Undoes quoted-printable soft breaks and escapes, as nodemailer writes long lines. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: FakeSmtp['mails'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        mails.push({ to, text: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type NoticeServers = { readonly api: FakeApi; readonly smtp: FakeSmtp };

/**
 * A notices test file's fake WhatsApp/SMS API and mail server: started by the file's first hook, so before the app
 * that `testAppWith` builds with their addresses, and closed after its tests.
 */
export function noticeServers(): NoticeServers {
  let api: FakeApi | undefined;
  let smtp: FakeSmtp | undefined;
  beforeAll(async () => {
    api = await startFakeApi();
    smtp = await startFakeSmtp();
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });
  const started = <T>(server: T | undefined): T => {
    if (!server) throw new Error('the fake servers start in beforeAll: read them inside a hook or a test');
    return server;
  };
  return {
    get api() {
      return started(api);
    },
    get smtp() {
      return started(smtp);
    },
  };
}

/** The settings of an app that sends notices through `servers` (both channels and mail), linking to `appBaseUrl`. */
export function noticeEnv(servers: NoticeServers, appBaseUrl: string): Record<string, string> {
  return { ...channelEnv(servers.api), SMTP_URL: servers.smtp.url, APP_BASE_URL: appBaseUrl };
}
