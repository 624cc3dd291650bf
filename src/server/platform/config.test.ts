import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDbPoolSize, loadConfig } from './config.ts';

describe('configuration', () => {
  it('starts with defaults when nothing is set: port 3000, embedded database under ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names the variable and what is allowed when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'tiga ribu' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'tiga ribu' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: .*info/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: .*postgres:\/\//);
    expect(() => loadConfig({ SIGAP_ADMIN_PASSWORD: 'pendek' })).toThrow(/SIGAP_ADMIN_PASSWORD: .*10/);
  });

  it('lists every wrong variable at once', () => {
    try {
      loadConfig({ PORT: '-1', COOKIE_SECURE: 'ya' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/COOKIE_SECURE: .*true, false/);
    }
  });

  it('sizes the database pool from the cores unless DB_POOL_SIZE says otherwise', () => {
    expect([1, 2, 4, 8].map((cores) => defaultDbPoolSize(cores))).toEqual([4, 6, 10, 18]);
    expect(loadConfig({}).dbPoolSize).toBe(defaultDbPoolSize());
    expect(loadConfig({ DB_POOL_SIZE: '12' }).dbPoolSize).toBe(12);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
