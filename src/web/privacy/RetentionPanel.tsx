// Retention and anomaly signals on the Pelindungan data page: the periods and thresholds (ppdp, admin) and the
// retention dry run — per table, how many records a run would anonymise now and their ids, never their values.
import { ActionButton } from '../ui/ActionButton.tsx';
import '../../shared/messages/privacy-retention.ts';
import { useEffect, useState } from 'preact/hooks';
import { FormProblems, InputField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { DataTable, ErrorNotice, FormSubmit, useAction, wib } from '../operator/ui.tsx';
import {
  getPrivacySettings,
  type PrivacySettings,
  type RetentionPlan,
  retentionDryRun,
  savePrivacySettings,
} from './privacy-api.ts';

const FIELDS: { key: keyof PrivacySettings; min: number; max: number }[] = [
  { key: 'caseClosedYears', min: 1, max: 30 },
  { key: 'reporterMonths', min: 1, max: 120 },
  { key: 'pillarInactiveYears', min: 1, max: 30 },
  { key: 'readsThreshold', min: 5, max: 100_000 },
  { key: 'readsWindowMinutes', min: 5, max: 1440 },
  { key: 'failedAccountsThreshold', min: 2, max: 10_000 },
  { key: 'failedWindowMinutes', min: 5, max: 1440 },
  { key: 'nightFromHour', min: 0, max: 23 },
  { key: 'nightToHour', min: 0, max: 23 },
];

/** The settings form and the dry run. */
export function RetentionPanel() {
  const t = useT();
  const lang = useLang();
  const [values, setValues] = useState<Record<string, string> | undefined>();
  const [saved, setSaved] = useState(false);
  const [plan, setPlan] = useState<RetentionPlan | undefined>();
  const load = useAction();
  const save = useAction();
  const dry = useAction();
  useEffect(() => {
    void load.run(async () => {
      const current = await getPrivacySettings();
      setValues(Object.fromEntries(FIELDS.map((f) => [f.key, String(current[f.key])])));
    });
  }, []);
  const problems = Object.fromEntries(
    FIELDS.map((f) => {
      const n = Number(values?.[f.key]);
      const bad = !Number.isInteger(n) || n < f.min || n > f.max;
      return [f.key, bad ? `${t(`retention.${f.key}`)}: ${f.min}–${f.max}` : undefined];
    }),
  );
  const isValid = Object.values(problems).every((p) => !p);
  const total = plan?.tables.reduce((sum, row) => sum + row.count, 0) ?? 0;
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.heading')}</h2>
      <p>{t('retention.lead')}</p>
      <ErrorNotice error={load.error} />
      {values && (
        <form
          class="op-form"
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            void save.run(async () => {
              const input = Object.fromEntries(FIELDS.map((f) => [f.key, Number(values[f.key])]));
              await savePrivacySettings(input as PrivacySettings);
              setSaved(true);
            });
          }}
        >
          {FIELDS.map((f) => (
            <InputField
              key={f.key}
              id={`retention-${f.key}`}
              label={t(`retention.${f.key}`)}
              type="number"
              min={f.min}
              max={f.max}
              required
              value={values[f.key]}
              onInput={(value) => setValues({ ...values, [f.key]: value })}
              error={problems[f.key]}
            />
          ))}
          <FormProblems title={t('retention.problems')} problems={problems} />
          <ErrorNotice error={save.error} />
          {saved && <p role="status">{t('retention.saved')}</p>}
          <FormSubmit label={t('retention.save')} disabled={save.isBusy || !isValid} isSecondary />
        </form>
      )}
      <p>
        <ActionButton
          label={t('retention.dryRun')}
          isBusy={dry.isBusy}
          onClick={() => void dry.run(async () => setPlan(await retentionDryRun()))}
          class="button op-button-secondary"
        />
      </p>
      <ErrorNotice error={dry.error} />
      {plan && (
        <DataTable
          caption={t('retention.plan', { at: wib(plan.at, lang), count: total, kept: plan.kept })}
          isCaptionShown
          isScrolling={false}
          columns={[t('retention.col.table'), t('retention.col.count'), t('retention.col.ids')]}
        >
          {plan.tables.map((row) => (
            <tr key={row.table}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
              <td>
                {row.ids.length > 0 && (
                  <details>
                    <summary>{row.ids.length}</summary>
                    <code>{row.ids.join(' ')}</code>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
