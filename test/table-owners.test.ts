// docs/ARCHITECTURE.md names the owning module of every table; a migration that adds a table must add a row,
// and only the owner's stores write a table (the few others are named below with their reason).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function tablesCreatedByMigrations(): string[] {
  const dir = join(ROOT, 'migrations');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
    const sql = readFileSync(join(dir, file), 'utf8');
    for (const match of sql.matchAll(
      /create\s+table\s+(?:if\s+not\s+exists\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi,
    )) {
      names.add(match[1].toLowerCase());
    }
  }
  return [...names].sort();
}

function tablesListedInArchitecture(): Map<string, string> {
  const text = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = text.split('## Tables and their owners')[1]?.split('\n## ')[0] ?? '';
  const owners = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([a-z0-9_]+)` \| ([a-z-]+) \|/gm))
    owners.set(match[1], match[2]);
  return owners;
}

/** Stores that write a table of another module, each as ARCHITECTURE.md's table notes say. */
const FOREIGN_WRITES: Record<string, { tables: string[]; why: string }> = {
  'auth/auth-store.ts': {
    tables: ['users'],
    why: "sign-in keeps its second factor on the user's row (identity is one context, .dependency-cruiser.cjs)",
  },
  'cases/cases-store.ts': { tables: ['reports'], why: 'a case links the reports it is opened from' },
  'notifications/notifications-store.ts': {
    tables: ['notices'],
    why: "an inbox item queues its notices outside the app in the same statement (the notices module's sigap_queue_notices)",
  },
  'escalation/escalation-store.ts': {
    tables: ['reports', 'cases'],
    why: 'the escalation ladder moves their handling level and deadlines',
  },
  'evaluation/evaluation-dataset.ts': {
    tables: [
      'reports',
      'cases',
      'vulnerable_people',
      'referrals',
      'assignments',
      'follow_ups',
      'alerts',
      'alert_actions',
      'pillars',
    ],
    why: 'the synthetic dataset of the evaluation and bench runs, written in bulk with owner rights',
  },
};

/** Database functions that write a table (SECURITY DEFINER helpers of the migrations), by the table they write. */
const WRITING_FUNCTIONS: Record<string, string> = {
  sigap_notify: 'notifications',
  sigap_queue_notices: 'notices',
};

/**
 * The tables a source file writes: INSERT INTO, UPDATE … SET, DELETE FROM, the writing functions and the delivery
 * queues' shared statements (platform/delivery-queue.ts) it takes for a table.
 */
function tablesWritten(source: string, known: ReadonlyMap<string, string>): string[] {
  const written = new Set<string>();
  for (const match of source.matchAll(/\b(?:INSERT INTO|UPDATE|DELETE FROM)\s+([a-z_][a-z0-9_]*)/g))
    if (known.has(match[1])) written.add(match[1]);
  for (const match of source.matchAll(/\bdeliveryQueue\('([a-z_][a-z0-9_]*)'\)/g))
    if (known.has(match[1])) written.add(match[1]);
  for (const match of source.matchAll(/\b(sigap_[a-z_]+)\(/g))
    if (match[1] in WRITING_FUNCTIONS) written.add(WRITING_FUNCTIONS[match[1]]);
  return [...written];
}

function storeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return storeFiles(path);
    return name.endsWith('-store.ts') || name === 'evaluation-dataset.ts' ? [path] : [];
  });
}

describe('tables and their owners', () => {
  it('lists every table the migrations create, each once, with a module or the platform as owner', () => {
    const created = tablesCreatedByMigrations();
    const listed = tablesListedInArchitecture();
    expect(created.length).toBeGreaterThan(50);
    expect([...listed.keys()].sort()).toEqual(created);
    const modules = new Set(readdirSync(join(ROOT, 'src/server/modules')));
    for (const [table, owner] of listed) {
      expect(owner === 'platform' || modules.has(owner), `${table}: ${owner}`).toBe(true);
    }
  });

  it('finds the tables a statement writes, and not those it only reads', () => {
    const known = new Map([
      ['reports', 'reports'],
      ['cases', 'cases'],
      ['regions', 'regions'],
    ]);
    expect(
      tablesWritten(
        'UPDATE reports SET case_id = $1 FROM regions WHERE x; INSERT INTO cases (id) SELECT id FROM regions',
        known,
      ).sort(),
    ).toEqual(['cases', 'reports']);
    expect(tablesWritten('SELECT 1 FROM reports JOIN cases ON true FOR UPDATE', known)).toEqual([]);
    expect(tablesWritten("tx.atCommit('SELECT sigap_notify($1::uuid[], $2)', params)", known)).toEqual([
      'notifications',
    ]);
    expect(tablesWritten("export const { markSent } = deliveryQueue('reports');", known)).toEqual([
      'reports',
    ]);
  });

  it("a module's stores write only its own tables, but the writes named with a reason", () => {
    const owners = tablesListedInArchitecture();
    const modules = join(ROOT, 'src/server/modules');
    const foreign: string[] = [];
    for (const file of storeFiles(modules)) {
      const name = relative(modules, file);
      const module = name.split('/')[0];
      const allowed = FOREIGN_WRITES[name]?.tables ?? [];
      for (const table of tablesWritten(readFileSync(file, 'utf8'), owners)) {
        if (owners.get(table) !== module && !allowed.includes(table))
          foreign.push(`${name} writes ${table} (owner ${owners.get(table)})`);
      }
    }
    expect(foreign).toEqual([]);
  });
});
