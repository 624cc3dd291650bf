// Pengaturan (admin): deadlines per priority, partner agencies, the pillar lists and coverage targets.
import { useEffect, useState } from 'preact/hooks';
import { CheckField, InputField, SelectField } from '../../fields.tsx';
import { useLang, useT } from '../../lang.ts';
import { SmallButton } from '../../ui/SmallButton.tsx';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import {
  type Agency,
  type CoverageTarget,
  isMissingRoute,
  type ListItem,
  listAgencies,
  listPillarSkills,
  listPillarTypes,
  listRegions,
  listSla,
  listTargets,
  type SlaRow,
  saveAgency,
  saveListItem,
  saveSla,
  saveTarget,
} from '../operator-api.ts';
import { pillarLabel } from '../pillar-labels.ts';
import {
  DataTable,
  DoneNotice,
  ErrorNotice,
  FormSubmit,
  Notice,
  Tag,
  useAction,
  useFormSend,
  useLoad,
} from '../ui.tsx';

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
    <section aria-labelledby="sla-heading">
      <h2 id="sla-heading">{t('op.sla.heading')}</h2>
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
        <DoneNotice message={done} />
        <ErrorNotice error={action.error} />
        <button type="submit" class="button button-primary" disabled={action.isBusy || rows.length === 0}>
          {t('op.sla.save')}
        </button>
      </form>
    </section>
  );
}

const EMPTY_AGENCY: Agency = { id: '', name: '', kabkotaCode: null, isActive: true };

function AgenciesSection() {
  const t = useT();
  const agencies = useLoad(() => listAgencies().then((r) => r.items), []);
  const kabkota = useLoad(() => listRegions('35').then((r) => r.items), []);
  const [draft, setDraft] = useState<Agency>(EMPTY_AGENCY);
  const [isEditing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const action = useAction();
  const nameOf = (code: string | null) =>
    code ? (kabkota.data?.find((r) => r.code === code)?.name ?? code) : t('op.agency.province');

  async function save(event: Event) {
    event.preventDefault();
    if (await action.run(() => saveAgency({ ...draft, id: draft.id.trim(), name: draft.name.trim() }))) {
      setDone(t('op.agency.saved', { name: draft.name.trim() }));
      setDraft(EMPTY_AGENCY);
      setEditing(false);
      agencies.reload();
    }
  }

  return (
    <section aria-labelledby="agency-heading">
      <h2 id="agency-heading">{t('op.agency.heading')}</h2>
      <ErrorNotice error={agencies.error} />
      <DataTable
        caption={t('op.agency.heading')}
        columns={[t('op.agency.name'), t('op.agency.id'), t('op.agency.area'), t('op.users.status')]}
        actionsLabel={t('op.users.actions')}
      >
        {agencies.data?.map((agency) => (
          <tr key={agency.id}>
            <th scope="row">{agency.name}</th>
            <td>
              <code>{agency.id}</code>
            </td>
            <td>{nameOf(agency.kabkotaCode)}</td>
            <td>
              <Tag tone={agency.isActive ? 'ok' : 'muted'}>
                {t(agency.isActive ? 'op.users.active' : 'op.users.inactive')}
              </Tag>
            </td>
            <td>
              <SmallButton
                onClick={() => {
                  setDraft(agency);
                  setEditing(true);
                  setDone('');
                }}
              >
                {t('op.agency.edit', { name: agency.name })}
              </SmallButton>
            </td>
          </tr>
        ))}
      </DataTable>
      <form class="op-form op-grid-form" onSubmit={save}>
        <h3 class="op-form-title">{t(isEditing ? 'op.agency.editHeading' : 'op.agency.addHeading')}</h3>
        <InputField
          id="agency-id"
          label={t('op.agency.id')}
          hint={t('op.agency.idHint')}
          required
          pattern="[a-z0-9-]{2,64}"
          isReadOnly={isEditing}
          value={draft.id}
          onInput={(id) => setDraft({ ...draft, id })}
        />
        <InputField
          id="agency-name"
          label={t('op.agency.name')}
          required
          minLength={2}
          value={draft.name}
          onInput={(name) => setDraft({ ...draft, name })}
        />
        <SelectField
          id="agency-area"
          label={t('op.agency.area')}
          value={draft.kabkotaCode ?? ''}
          onChange={(code) => setDraft({ ...draft, kabkotaCode: code || null })}
          options={[
            { value: '', label: t('op.agency.province') },
            ...(kabkota.data ?? []).map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        <CheckField
          label={t('op.agency.active')}
          checked={draft.isActive}
          onChange={(isActive) => setDraft({ ...draft, isActive })}
        />
        <FormSubmit
          label={t('op.agency.save')}
          disabled={action.isBusy}
          onCancel={
            isEditing
              ? () => {
                  setDraft(EMPTY_AGENCY);
                  setEditing(false);
                }
              : undefined
          }
        />
      </form>
      <DoneNotice message={done} />
      <ErrorNotice error={action.error} />
    </section>
  );
}

/** The editable lists of pillar types and skills, when the server offers them. */
function ListSection(props: { list: 'types' | 'skills' }) {
  const t = useT();
  const loaded = useLoad(
    () =>
      (props.list === 'types' ? listPillarTypes() : listPillarSkills()).then(
        (r) => ({ items: r.items, isAvailable: true }),
        (error: unknown) => {
          if (isMissingRoute(error)) return { items: [] as ListItem[], isAvailable: false };
          throw error;
        },
      ),
    [props.list],
  );
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [done, setDone] = useState('');
  const action = useAction();
  const id = `list-${props.list}`;
  const lang = useLang();
  /** The item's words in the reader's language (the English of the codes Sigap ships with). */
  const labelOfItem = (item: ListItem) =>
    pillarLabel(
      lang,
      { types: new Map([[item.code, item.label]]), skills: new Map([[item.code, item.label]]) },
      props.list === 'types' ? 'type' : 'skill',
      item.code,
    );

  async function add(event: Event) {
    event.preventDefault();
    const item = { code: code.trim(), label: label.trim(), sortOrder: 100, isActive: true };
    if (await action.run(() => saveListItem(props.list, item))) {
      setDone(t('op.lists.saved', { label: item.label }));
      setCode('');
      setLabel('');
      loaded.reload();
    }
  }

  async function toggle(item: ListItem) {
    if (await action.run(() => saveListItem(props.list, { ...item, isActive: !item.isActive })))
      loaded.reload();
  }

  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(props.list === 'types' ? 'op.lists.types' : 'op.lists.skills')}</h2>
      <ErrorNotice error={loaded.error} />
      {loaded.data && !loaded.data.isAvailable && <Notice>{t('op.lists.unavailable')}</Notice>}
      {loaded.data?.isAvailable && (
        <>
          <ul class="op-chip-list">
            {loaded.data.items.map((item) => (
              <li key={item.code}>
                <span class={item.isActive ? '' : 'op-inactive'}>{labelOfItem(item)}</span>{' '}
                <SmallButton disabled={action.isBusy} onClick={() => toggle(item)}>
                  {t(item.isActive ? 'op.lists.deactivate' : 'op.lists.activate', {
                    label: labelOfItem(item),
                  })}
                </SmallButton>
              </li>
            ))}
          </ul>
          <form class="op-form op-grid-form" onSubmit={add}>
            <InputField
              id={`${id}-code`}
              label={t('op.lists.code')}
              required
              pattern="[a-z][a-z0-9_]{1,39}"
              value={code}
              onInput={setCode}
            />
            <InputField
              id={`${id}-label`}
              label={t('op.lists.label')}
              required
              minLength={2}
              value={label}
              onInput={setLabel}
            />
            <FormSubmit label={t('op.lists.add')} disabled={action.isBusy} isSecondary />
          </form>
          <DoneNotice message={done} />
          <ErrorNotice error={action.error} />
        </>
      )}
    </section>
  );
}

const AREA_LEVELS = ['kabkota', 'kecamatan', 'desa'] as const;

/** Coverage targets: how many active pillars of a type each area should have. */
function TargetsSection() {
  const t = useT();
  const lang = useLang();
  const targets = useLoad(
    () =>
      listTargets().then(
        (r) => ({ items: r.items, isAvailable: true }),
        (error: unknown) => {
          if (isMissingRoute(error)) return { items: [] as CoverageTarget[], isAvailable: false };
          throw error;
        },
      ),
    [],
  );
  const types = useLoad(
    () =>
      listPillarTypes()
        .then((r) => r.items)
        .catch(() => [] as ListItem[]),
    [],
  );
  const [draft, setDraft] = useState<CoverageTarget>({
    pillarType: 'tagana',
    areaLevel: 'kecamatan',
    perArea: 1,
  });
  const [done, setDone] = useState('');
  const action = useAction();
  const typeLabel = (code: string) => types.data?.find((item) => item.code === code)?.label ?? code;

  async function save(event: Event) {
    event.preventDefault();
    if (await action.run(() => saveTarget(draft))) {
      setDone(t('op.settings.saved'));
      targets.reload();
    }
  }

  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('op.targets.heading')}</h2>
      <ErrorNotice error={targets.error} />
      {targets.data && !targets.data.isAvailable && <Notice>{t('op.lists.unavailable')}</Notice>}
      {targets.data?.isAvailable && (
        <>
          {targets.data.items.length === 0 ? (
            <p>{t('op.targets.none')}</p>
          ) : (
            <ul class="op-plain-list">
              {targets.data.items.map((target) => (
                <li key={`${target.pillarType}-${target.areaLevel}`}>
                  {t('op.targets.rule', {
                    count: target.perArea.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB'),
                    type: typeLabel(target.pillarType),
                    level: t(`op.targets.level.${target.areaLevel}`),
                  })}
                </li>
              ))}
            </ul>
          )}
          <form class="op-form op-grid-form" onSubmit={save}>
            <SelectField
              id="target-type"
              label={t('op.dash.pillarType')}
              value={draft.pillarType}
              onChange={(pillarType) => setDraft({ ...draft, pillarType })}
              options={(types.data ?? []).map((item) => ({ value: item.code, label: item.label }))}
            />
            <SelectField
              id="target-level"
              label={t('op.targets.levelLabel')}
              value={draft.areaLevel}
              onChange={(level) => setDraft({ ...draft, areaLevel: level as CoverageTarget['areaLevel'] })}
              options={AREA_LEVELS.map((level) => ({ value: level, label: t(`op.targets.level.${level}`) }))}
            />
            <InputField
              id="target-count"
              label={t('op.targets.perArea')}
              type="number"
              min={0}
              value={String(draft.perArea)}
              onInput={(count) => setDraft({ ...draft, perArea: Number(count) })}
            />
            <FormSubmit label={t('op.targets.save')} disabled={action.isBusy} isSecondary />
          </form>
          <DoneNotice message={done} />
          <ErrorNotice error={action.error} />
        </>
      )}
    </section>
  );
}
