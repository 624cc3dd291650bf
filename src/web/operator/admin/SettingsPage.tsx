// Pengaturan (admin): deadlines per priority here; partner agencies (AgenciesSection.tsx), the pillar lists and
// coverage targets (PillarSettings.tsx).
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import { listSla, type SlaRow, saveSla } from '../operator-api.ts';
import { ActionOutcome, DataTable, ErrorNotice, SubmitButton, useFormSend, useLoad } from '../ui.tsx';
import { AgenciesSection } from './AgenciesSection.tsx';
import { ListSection, TargetsSection } from './PillarSettings.tsx';

/** The settings page. */
export function SettingsPage(_props: OperatorPageProps) {
  const t = useT();
  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.pengaturan')}</p>
      <SlaSection />
      <AgenciesSection />
      <ListSection list="types" />
      <ListSection list="skills" />
      <TargetsSection />
    </div>
  );
}

const SLA_FIELDS = ['acknowledgeMinutes', 'responseMinutes', 'resolveMinutes'] as const;

const UNITS = [
  { key: 'days', minutes: 1440 },
  { key: 'hours', minutes: 60 },
  { key: 'minutes', minutes: 1 },
] as const;
type Unit = (typeof UNITS)[number]['key'];

/** The largest unit that gives a whole number: 2880 minutes are 2 days, 90 minutes stay minutes. */
function unitOf(minutes: number): Unit {
  return (UNITS.find((u) => minutes > 0 && minutes % u.minutes === 0) ?? UNITS[2]).key;
}

/** A deadline entered in minutes, hours or days; kept in minutes. */
function DurationInput(props: { label: string; minutes: number; onChange: (minutes: number) => void }) {
  const t = useT();
  const [unit, setUnit] = useState<Unit>(unitOf(props.minutes));
  const size = UNITS.find((u) => u.key === unit)!.minutes;
  return (
    <span class="op-duration-input">
      <input
        type="number"
        min={1}
        step="any"
        class="op-input op-number"
        aria-label={props.label}
        value={Math.round((props.minutes / size) * 100) / 100}
        onInput={(event) =>
          props.onChange(Math.round(Number((event.currentTarget as HTMLInputElement).value) * size))
        }
      />{' '}
      <select
        class="op-input"
        aria-label={`${props.label}: ${t('op.sla.unit')}`}
        value={unit}
        onChange={(event) => setUnit((event.currentTarget as HTMLSelectElement).value as Unit)}
      >
        {UNITS.map((u) => (
          <option key={u.key} value={u.key}>
            {t(`op.sla.unit.${u.key}`)}
          </option>
        ))}
      </select>
    </span>
  );
}

function SlaSection() {
  const t = useT();
  const loaded = useLoad(() => listSla().then((r) => r.items), []);
  const [rows, setRows] = useState<SlaRow[]>([]);
  const [done, setDone] = useState('');
  const action = useFormSend(
    () => saveSla(rows),
    (saved) => {
      setRows(saved.items);
      setDone(t('op.settings.saved'));
    },
  );
  useEffect(() => {
    if (loaded.data) setRows(loaded.data);
  }, [loaded.data]);

  return (
    <Section id="sla-heading" heading={t('op.sla.heading')}>
      <p class="hint">{t('op.sla.hint')}</p>
      <ErrorNotice error={loaded.error} />
      <form class="op-form" onSubmit={action.submit}>
        <DataTable
          caption={t('op.sla.heading')}
          columns={[t('op.sla.priority'), ...SLA_FIELDS.map((field) => t(`op.sla.${field}`))]}
        >
          {rows.map((row) => (
            <tr key={row.priority}>
              <th scope="row">
                {row.priority} · {t(`field.priority.${row.priority}`)}
              </th>
              {SLA_FIELDS.map((field) => (
                <td key={field}>
                  <DurationInput
                    label={t('op.sla.cell', { priority: row.priority, what: t(`op.sla.${field}`) })}
                    minutes={row[field]}
                    onChange={(value) =>
                      setRows((current) =>
                        current.map((r) => (r.priority === row.priority ? { ...r, [field]: value } : r)),
                      )
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
        <ActionOutcome done={done} error={action.error} />
        <SubmitButton label={t('op.sla.save')} disabled={action.isBusy || rows.length === 0} />
      </form>
    </Section>
  );
}
