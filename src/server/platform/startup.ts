import type { Config } from './config.ts';
import { type Database, openDatabase } from './db.ts';
import { bootstrapRoles, migrate } from './migrate.ts';

/** Opens the configured database, creates the app role and applies pending migrations. */
export async function openAndMigrate(config: Config): Promise<{ db: Database; applied: string[] }> {
  const db = await openDatabase(config);
  try {
    await bootstrapRoles(db, config.appDbPassword, config.appDbUser);
    const { applied } = await migrate(db);
    return { db, applied };
  } catch (error) {
    await db.close();
    throw error;
  }
}
