// The audit chain's head kept outside the database: a signed line written to a folder and to the log on a
// schedule, so that removing the last entries, or re-chaining after a removal, is caught by
// `npm run sigap -- audit verify --head <line>` (docs/SECURITY.md).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditHead } from './audit.ts';
import { resolveDataKey } from './crypto.ts';
import type { Database } from './db.ts';
import type { ModuleJobs } from './jobs.ts';

/** A head as written down: the entry's seq and hash, when it was taken, and (if signed) its signature. */
export type AnchoredHead = { seq: number; hash: string; at: string; signature?: string };

/** The key that signs heads, derived from the data key (never the key that seals NIKs). */
function headKey(dataKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'sigap/audit-head/v1', 32));
}

function signatureOf(head: Omit<AnchoredHead, 'signature'>, dataKey: Uint8Array): string {
  return createHmac('sha256', headKey(dataKey)).update(`${head.seq}:${head.hash}:${head.at}`).digest('hex');
}

/** The line to keep: `sigap-audit-head:<seq>:<hash>:<at>[:<signature>]`. */
export function formatHead(head: AnchoredHead): string {
  return ['sigap-audit-head', head.seq, head.hash, head.at, ...(head.signature ? [head.signature] : [])].join(
    ':',
  );
}

/**
 * Reads a head as the CLI is given it: the whole signed line, or just `<seq>:<hash>` as `audit head` prints
 * them. Undefined when it is neither.
 */
export function parseHead(text: string): AnchoredHead | undefined {
  const trimmed = text.trim();
  const signed =
    /^sigap-audit-head:(\d+):([0-9a-f]{64}):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)(?::([0-9a-f]{64}))?$/.exec(
      trimmed,
    );
  if (signed) return { seq: Number(signed[1]), hash: signed[2], at: signed[3], signature: signed[4] };
  const plain = /^(\d+):([0-9a-f]{64})$/.exec(trimmed);
  if (plain) return { seq: Number(plain[1]), hash: plain[2], at: '' };
  return undefined;
}

/** True when the head carries a signature made with this data key. */
export function isSignedBy(head: AnchoredHead, dataKey: Uint8Array): boolean {
  if (!head.signature) return false;
  const expected = Buffer.from(signatureOf(head, dataKey), 'hex');
  const given = Buffer.from(head.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The current head, signed with the data key; undefined while the trail is empty. */
export async function signedHead(
  db: Database,
  dataKey: Uint8Array,
  now = new Date(),
): Promise<AnchoredHead | undefined> {
  const head = await auditHead(db);
  if (!head) return undefined;
  const unsigned = { seq: Number(head.seq), hash: head.hash, at: now.toISOString() };
  return { ...unsigned, signature: signatureOf(unsigned, dataKey) };
}

/**
 * Writes the signed head into `folder` (one file per day, and `latest.txt`), and returns it for the log.
 * A file is written whole or not at all (write then rename).
 */
export async function anchorAuditHead(
  db: Database,
  options: { folder: string; dataKey: Uint8Array; now?: Date },
): Promise<AnchoredHead | undefined> {
  const head = await signedHead(db, options.dataKey, options.now);
  if (!head) return undefined;
  mkdirSync(options.folder, { recursive: true, mode: 0o700 });
  const line = `${formatHead(head)}\n`;
  for (const name of [`audit-head-${head.at.slice(0, 10)}.txt`, 'latest.txt']) {
    const file = path.join(options.folder, name);
    writeFileSync(`${file}.tmp`, line, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  return head;
}

/** The head last written by `anchorAuditHead` into `folder` (its `latest.txt`), or undefined if none is there. */
export function latestAnchoredHead(folder: string): AnchoredHead | undefined {
  try {
    return parseHead(readFileSync(path.join(folder, 'latest.txt'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The head, signed, written outside the database and to the log every hour (docs/SECURITY.md). */
export const auditHeadJobs: ModuleJobs = async (jobs, { db, config, log }) => {
  await jobs.work('audit-head', async () => {
    const head = await anchorAuditHead(db, {
      folder: config.auditHeadDir,
      dataKey: resolveDataKey({ configured: config.dataKey, dataDir: config.dataDir, databaseKind: db.kind }),
    });
    if (head) log.info({ auditHead: formatHead(head) }, 'head jejak audit / audit head');
  });
  await jobs.schedule('audit-head', '17 * * * *');
};
