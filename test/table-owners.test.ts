// docs/ARCHITECTURE.md names the owning module of every table; a migration that adds a table must add a row.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
});
