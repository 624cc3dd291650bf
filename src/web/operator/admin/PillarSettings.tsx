// Pengaturan: the pillar lists (types and skills) an admin keeps, and the coverage targets per area.
import { useState } from 'preact/hooks';
import { useDraft } from '../../draft.ts';
import { InputField, SelectField } from '../../fields.tsx';
import { useLang, useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import { SmallButton } from '../../ui/SmallButton.tsx';
import {
  type CoverageTarget,
  type ListItem,
  listPillarSkills,
  listPillarTypes,
  listTargets,
  saveListItem,
  saveTarget,
} from '../operator-api.ts';
import { pillarLabel } from '../pillar-labels.ts';
import { ActionOutcome, ErrorNotice, FormSubmit, useAction, useLoad } from '../ui.tsx';

/** The editable lists of pillar types and skills. */
export function ListSection(props: { list: 'types' | 'skills' }) {
  const t = useT();
  const loaded = useLoad(
    () => (props.list === 'types' ? listPillarTypes() : listPillarSkills()).then((r) => r.items),
    [props.list],
  );
  const { draft, field, reset } = useDraft({ code: '', label: '' });
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
    const item = { code: draft.code.trim(), label: draft.label.trim(), sortOrder: 100, isActive: true };
    if (await action.run(() => saveListItem(props.list, item))) {
      setDone(t('op.lists.saved', { label: item.label }));
      reset();
      loaded.reload();
    }
  }

  async function toggle(item: ListItem) {
    if (await action.run(() => saveListItem(props.list, { ...item, isActive: !item.isActive })))
      loaded.reload();
  }

  return (
    <Section id={id} heading={t(props.list === 'types' ? 'op.lists.types' : 'op.lists.skills')}>
      <ErrorNotice error={loaded.error} />
      {loaded.data && (
        <>
          <ul class="op-chip-list">
            {loaded.data.map((item) => (
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
              {...field('code')}
            />
            <InputField
              id={`${id}-label`}
              label={t('op.lists.label')}
              required
              minLength={2}
              {...field('label')}
            />
            <FormSubmit label={t('op.lists.add')} disabled={action.isBusy} isSecondary />
          </form>
          <ActionOutcome done={done} error={action.error} />
        </>
      )}
    </Section>
  );
}

const AREA_LEVELS = ['kabkota', 'kecamatan', 'desa'] as const;

/** Coverage targets: how many active pillars of a type each area should have. */
export function TargetsSection() {
  const t = useT();
  const lang = useLang();
  const targets = useLoad(() => listTargets().then((r) => r.items), []);
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
    <Section id="targets-heading" heading={t('op.targets.heading')}>
      <ErrorNotice error={targets.error} />
      {targets.data && (
        <>
          {targets.data.length === 0 ? (
            <p>{t('op.targets.none')}</p>
          ) : (
            <ul class="op-plain-list">
              {targets.data.map((target) => (
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
          <ActionOutcome done={done} error={action.error} />
        </>
      )}
    </Section>
  );
}
