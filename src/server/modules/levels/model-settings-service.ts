import { EarlyWarningSettings } from '../../../shared/early-warning/level-model.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { invalidFields } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions.ts';
import type { Principal } from '../../platform/principal.ts';
import { loadSettingsValue, saveSettingsValue } from './levels-store.ts';

/** The model's settings: the stored values over the documented defaults. */
export async function loadSettings(tx: Tx): Promise<EarlyWarningSettings> {
  const parsed = EarlyWarningSettings.safeParse(await loadSettingsValue(tx));
  // Values are validated when saved; a row edited by hand into nonsense falls back to the defaults.
  return parsed.success ? parsed.data : EarlyWarningSettings.parse({});
}

/** The thresholds and parameters of the model, for the office. */
export async function getSettings(db: Database, principal: Principal): Promise<EarlyWarningSettings> {
  authorize(principal, 'model.view');
  return db.asSystem((tx) => loadSettings(tx));
}

/** Replaces the settings (admin); keys left out take their defaults. Applies from the next computation. */
export async function updateSettings(
  deps: { db: Database; clock: Clock },
  principal: Principal,
  input: unknown,
): Promise<EarlyWarningSettings> {
  authorize(principal, 'model.edit');
  const parsed = EarlyWarningSettings.safeParse(input);
  if (!parsed.success) {
    throw invalidFields(
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const now = deps.clock.now();
  return deps.db.asSystem(async (tx) => {
    await saveSettingsValue(tx, parsed.data, principal.user.id, now);
    await appendAudit(
      tx,
      principal,
      'early_warning.settings_updated',
      { type: 'settings', id: 'early_warning' },
      {
        rise: parsed.data.rise,
        fall: parsed.data.fall,
      },
    );
    return parsed.data;
  });
}
