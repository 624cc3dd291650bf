// The item page's forms beyond the response: a takedown or investigation request to a partner agency (a
// disposition on a linked case), a screenshot for a sighting, and merging the item into another one.
import { useState } from 'preact/hooks';
import { can } from '../../shared/permissions/index.ts';
import type { ItemDetail } from '../../shared/provocation/provocation-schema.ts';
import { PROVOCATION_TEXT } from '../../shared/provocation/provocation-vocabulary.ts';
import { isTooShort, lengthAttributes } from '../../shared/text-length.ts';
import type { SignedInUser } from '../api.ts';
import { CheckField, FileField, SelectField, TextAreaField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { listAgencies } from '../operator/operator-api.ts';
import {
  DoneNotice,
  ErrorNotice,
  FormSubmit,
  useAction,
  useFormSend,
  useLoad,
  wib,
} from '../operator/ui.tsx';
import { listItems, mergeItem, requestTakedown, uploadScreenshot } from './provocation-api.ts';

const TAKEDOWN_KINDS = ['takedown', 'investigasi'] as const;

type Props = {
  item: ItemDetail;
  me: SignedInUser;
  onChange: (item: ItemDetail) => void;
  /** The item now lives under another id (merged, or its only sighting moved by its screenshot). */
  onMoved: (id: string, message: string) => void;
};

export function ItemForms(props: Props) {
  return (
    <>
      {can(props.me.role, 'provocation.takedown') && <TakedownForm {...props} />}
      {can(props.me.role, 'provocation.record') && <ScreenshotForm {...props} />}
      {can(props.me.role, 'provocation.merge') && <MergeForm {...props} />}
    </>
  );
}

function TakedownForm(props: Props) {
  const t = useT();
  const agencies = useLoad(() => listAgencies(), []);
  const active = (agencies.data?.items ?? []).filter((a) => a.isActive);
  const [kind, setKind] = useState<'takedown' | 'investigasi'>('takedown');
  const [agencyId, setAgencyId] = useState('');
  const [caseId, setCaseId] = useState(props.item.cases[0]?.id ?? '');
  const [instruction, setInstruction] = useState('');
  const [done, setDone] = useState('');
  const chosenAgency = agencyId || active[0]?.id || '';
  const chosenCase = caseId || props.item.cases[0]?.id || '';
  const send = useFormSend(
    () => requestTakedown(props.item.id, { kind, agencyId: chosenAgency, caseId: chosenCase, instruction }),
    (updated) => {
      props.onChange(updated);
      setInstruction('');
      setDone(t('provw.takedown.sent'));
    },
  );
  return (
    <section aria-labelledby="provw-takedown">
      <h2 id="provw-takedown">{t('provw.takedown.form')}</h2>
      {props.item.cases.length === 0 ? (
        <p>{t('provw.takedown.noCase')}</p>
      ) : (
        <form class="op-form" onSubmit={send.submit}>
          <DoneNotice message={done} />
          <ErrorNotice error={send.error ?? agencies.error} />
          <SelectField
            id="provw-takedown-kind"
            label={t('provw.takedown.kind')}
            value={kind}
            onChange={(value) => setKind(value as typeof kind)}
            options={TAKEDOWN_KINDS.map((k) => ({ value: k, label: t(`prov.kind.${k}`) }))}
          />
          <SelectField
            id="provw-takedown-agency"
            label={t('provw.takedown.agency')}
            value={chosenAgency}
            onChange={setAgencyId}
            options={active.map((a) => ({ value: a.id, label: a.name }))}
          />
          <SelectField
            id="provw-takedown-case"
            label={t('provw.takedown.case')}
            value={chosenCase}
            onChange={setCaseId}
            options={props.item.cases.map((c) => ({ value: c.id, label: c.title }))}
          />
          <TextAreaField
            id="provw-takedown-instruction"
            label={t('provw.takedown.instruction', { min: PROVOCATION_TEXT.takedownInstruction.min })}
            value={instruction}
            {...lengthAttributes(PROVOCATION_TEXT.takedownInstruction)}
            required
            onInput={setInstruction}
          />
          <FormSubmit
            label={t('provw.takedown.send')}
            disabled={
              send.isBusy || !chosenAgency || isTooShort(instruction, PROVOCATION_TEXT.takedownInstruction)
            }
            isSecondary
          />
        </form>
      )}
    </section>
  );
}

function ScreenshotForm(props: Props) {
  const t = useT();
  const lang = useLang();
  const without = props.item.sightings.filter((s) => !s.hasScreenshot);
  const [sightingId, setSightingId] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [done, setDone] = useState('');
  const action = useAction();
  const chosen = sightingId || without[0]?.id || '';
  return (
    <section aria-labelledby="provw-shot">
      <h2 id="provw-shot">{t('provw.shot.title')}</h2>
      <DoneNotice message={done} />
      {without.length === 0 ? (
        <p>{t('provw.shot.none')}</p>
      ) : (
        <form
          class="op-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!file) return;
            let moved: string | undefined;
            const ok = await action.run(async () => {
              const stored = await uploadScreenshot(chosen, file);
              if (stored.itemId !== props.item.id) moved = stored.itemId;
            });
            if (!ok) return;
            if (moved) props.onMoved(moved, t('provw.shot.movedNotice'));
            else {
              setDone(t('provw.shot.sent'));
              props.onChange({
                ...props.item,
                sightings: props.item.sightings.map((s) =>
                  s.id === chosen ? { ...s, hasScreenshot: true } : s,
                ),
              });
            }
          }}
        >
          <ErrorNotice error={action.error} />
          <SelectField
            id="provw-shot-sighting"
            label={t('provw.shot.sighting')}
            value={chosen}
            onChange={setSightingId}
            options={without.map((s) => ({
              value: s.id,
              label: `${wib(s.seenAt, lang)} · ${s.regionCodes.join(', ')}`,
            }))}
          />
          <FileField
            id="provw-shot-file"
            label={t('provw.shot.file')}
            accept="image/jpeg,image/png"
            required
            onFile={setFile}
          />
          <FormSubmit label={t('provw.shot.send')} disabled={action.isBusy || !file} isSecondary />
        </form>
      )}
    </section>
  );
}

function MergeForm(props: Props) {
  const t = useT();
  const others = useLoad(() => listItems({}), []);
  const choices = (others.data?.items ?? []).filter((i) => i.id !== props.item.id);
  const [intoId, setIntoId] = useState('');
  const [isSure, setSure] = useState(false);
  const send = useFormSend(
    () => mergeItem(props.item.id, intoId),
    (joined) => props.onMoved(joined.id, t('provw.merged')),
  );
  return (
    <section aria-labelledby="provw-merge">
      <h2 id="provw-merge">{t('provw.merge.title')}</h2>
      <p>{t('provw.merge.hint')}</p>
      {others.data && choices.length === 0 ? (
        <p>{t('provw.merge.noOther')}</p>
      ) : (
        <form class="op-form" onSubmit={send.submit}>
          <ErrorNotice error={send.error ?? others.error} />
          <SelectField
            id="provw-merge-target"
            label={t('provw.merge.target')}
            value={intoId}
            onChange={setIntoId}
            options={[
              { value: '', label: t('provw.merge.choose') },
              ...choices.map((i) => ({
                value: i.id,
                label: `${i.title} (${t('prov.spreadValue', { n: i.sightingCount, k: i.kecamatanCount })})`,
              })),
            ]}
          />
          <CheckField label={t('provw.merge.confirm')} checked={isSure} onChange={setSure} />
          <FormSubmit
            label={t('provw.merge.send')}
            disabled={send.isBusy || !intoId || !isSure}
            isSecondary
          />
        </form>
      )}
    </section>
  );
}
