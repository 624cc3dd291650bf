// The default deadlines are written twice: in the migration that creates sla_settings (so a fresh database has
// them) and in DEFAULT_SLA (what the demo and the docs show). This keeps the two the same.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db-template.ts';
import { DEFAULT_SLA } from '../../../shared/reports/triage.ts';
import type { Database } from '../../platform/db.ts';
import { listSla } from './settings-service.ts';

describe('default deadlines', () => {
  let db: Database | undefined;
  afterAll(() => db?.close());

  it('a fresh database holds exactly DEFAULT_SLA', async () => {
    db = await createTestDatabase();
    const rows = await listSla(db);
    const fromDatabase = Object.fromEntries(
      rows.map((row) => [
        row.priority,
        { acknowledge: row.acknowledgeMinutes, response: row.responseMinutes, resolve: row.resolveMinutes },
      ]),
    );
    expect(fromDatabase).toEqual(DEFAULT_SLA);
  });
});
