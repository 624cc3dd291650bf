// Pieces the early-warning views share: tabs, level tags, factor lists, the region picker in the user's scope,
// errors of this module's codes, and day formatting.
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import type { Region } from '../../shared/regions.ts';
import type { ApiError, SignedInUser } from '../api.ts';
import { InputField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { warningLevelLabel } from '../operator/labels.ts';
import { listBakorwil, listRegions } from '../operator/operator-api.ts';
import { ErrorNotice, FormSubmit, type Loaded, Tag, useAction, useLoad } from '../operator/ui.tsx';
import type { AlertView, Factor } from './ew-api.ts';
import './early-warning.css';
import { isAtOrAbove, kabkotaOf, kecamatanOf, levelOfCode } from '../../shared/region-codes.ts';

// ── Tabs (WAI-ARIA tabs: arrow keys move between them, the panel follows) ─────────────────────────

export type TabDef<K extends string> = { key: K; label: string };

/** The id of a tab's panel, for `aria-labelledby` and `aria-controls`. */
export const tabIds = (prefix: string, key: string) => ({
  tab: `${prefix}-tab-${key}`,
  panel: `${prefix}-panel-${key}`,
});

export function Tabs<K extends string>(props: {
  label: string;
  idPrefix: string;
  tabs: readonly TabDef<K>[];
  current: K;
  onSelect: (key: K) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(event: KeyboardEvent) {
    const index = props.tabs.findIndex((tab) => tab.key === props.current);
    const last = props.tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % props.tabs.length
        : event.key === 'ArrowLeft'
          ? (index + last) % props.tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const key = props.tabs[next].key;
    props.onSelect(key);
    list.current?.querySelector<HTMLButtonElement>(`#${tabIds(props.idPrefix, key).tab}`)?.focus();
  }
  return (
    <div class="ew-tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={onKeyDown}>
      {props.tabs.map((tab) => {
        const ids = tabIds(props.idPrefix, tab.key);
        const isCurrent = tab.key === props.current;
        return (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={ids.tab}
            class="ew-tab"
            aria-selected={isCurrent ? 'true' : 'false'}
            aria-controls={isCurrent ? ids.panel : undefined}
            tabIndex={isCurrent ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel(props: { idPrefix: string; tabKey: string; children: ComponentChildren }) {
  const ids = tabIds(props.idPrefix, props.tabKey);
  return (
    <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} class="ew-panel">
      {props.children}
    </div>
  );
}

// ── Levels and factors ──────────────────────────────────────────────────────────────────────────

/** The level in words on its colour (the colour never carries the meaning alone). */
export function LevelTag(props: { level: string }) {
  const t = useT();
  return <span class={`ew-level ew-level-${props.level}`}>{warningLevelLabel(t, props.level)}</span>;
}

/** Why a level is what it is: each factor in the user's language with the points it added. */
export function FactorList(props: { factors: readonly Factor[] }) {
  const t = useT();
  const lang = useLang();
  if (props.factors.length === 0) return <span class="ew-muted">{t('ew.factors.none')}</span>;
  return (
    <ul class="ew-factors">
      {props.factors.map((factor) => (
        <li key={`${factor.code}-${factor.text}`}>
          <span class="ew-factor-code">{t(`ew.factor.${factor.code}` as MessageKey)}:</span>{' '}
          {lang === 'id' ? factor.text : factor.textEn}{' '}
          <span class="ew-muted">
            ({t('ew.factors.points', { points: formatScore(factor.points, lang) })})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A score with two decimals at most, in the language's marks. */
export function formatScore(score: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(score);
}

/** A calendar day ('2026-06-16') as '16 Juni 2026'. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

// ── Errors of this module ───────────────────────────────────────────────────────────────────────

const MODULE_ERRORS: Record<string, MessageKey> = {
  conflict: 'ew.error.conflict',
  invalid_transition: 'ew.error.invalidTransition',
  version_conflict: 'ew.error.versionConflict',
  unsupported_media_type: 'ew.error.mediaType',
};

/** A server error in the user's language, with words for this module's own codes; role=alert. */
export function EwError(props: { error: ApiError | undefined }) {
  return <ErrorNotice error={props.error} words={MODULE_ERRORS} showsDetail />;
}

// ── The detail beside a list ─────────────────────────────────────────────────────────────────────

/**
 * The record a detail panel beside a list shows (an alert, a group): loaded by `load(id)` again when the list's
 * `version` moves or the panel changed it, its heading (`heading`) taking the focus once it is there. `changed`
 * says what was done, loads the record again and tells the list; `act` runs an action and, once it went through,
 * is `changed` with `message`.
 */
export function useDetailPanel<T>(
  load: (id: string) => Promise<T>,
  props: { id: string; version: number; onChanged: () => void },
) {
  const [bump, setBump] = useState(0);
  const loaded = useLoad(() => load(props.id), [props.id, props.version, bump]);
  const [done, setDone] = useState('');
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.id, Boolean(loaded.data)]);

  function changed(message: string) {
    setDone(message);
    setBump((b) => b + 1);
    props.onChanged();
  }
  async function act(perform: () => Promise<unknown>, message: string): Promise<boolean> {
    const ok = await action.run(perform);
    if (ok) changed(message);
    return ok;
  }
  return { loaded, done, action, heading, changed, act };
}

// ── Forms in a box of their own ──────────────────────────────────────────────────────────────────

/**
 * A form opened in a box of its own (raising an alert, adding a group or an event, correcting a date): its heading
 * (`${idPrefix}-heading`) takes the focus when the box opens; the server's refusal stands above the send and cancel
 * buttons. `isGrid` lays the fields out two by two, the refusal across the whole width.
 */
export function FormBox(props: {
  id?: string;
  idPrefix: string;
  heading: string;
  headingLevel?: 2 | 3;
  hint?: string;
  isGrid?: boolean;
  noValidate?: boolean;
  formRef?: Ref<HTMLFormElement>;
  onSubmit: (event: Event) => void;
  error: ApiError | undefined;
  submitLabel: string;
  isSubmitOff: boolean;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingId = `${props.idPrefix}-heading`;
  const error = <EwError error={props.error} />;
  return (
    <section id={props.id} class="op-detail ew-form-box" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} ref={heading}>
        {props.heading}
      </Heading>
      {props.hint && <p class="hint">{props.hint}</p>}
      <form
        ref={props.formRef}
        class={props.isGrid ? 'op-form op-grid-form' : 'op-form'}
        noValidate={props.noValidate}
        onSubmit={props.onSubmit}
      >
        {props.children}
        {props.isGrid ? <div class="op-form-title">{error}</div> : error}
        <FormSubmit label={props.submitLabel} disabled={props.isSubmitOff} onCancel={props.onCancel} />
      </form>
    </section>
  );
}

/** How many people an event draws, expected or counted afterwards: a whole number from 0, in the narrow box. */
export function CrowdField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return <InputField {...props} type="number" min={0} inputClass="op-number" />;
}

// ── Regions in the user's scope ─────────────────────────────────────────────────────────────────

const childrenCache = new Map<string, Promise<Region[]>>();

/** The children of a region, fetched once per page load (regions change only by an admin's import). */
export function regionChildren(parent: string): Promise<Region[]> {
  let found = childrenCache.get(parent);
  if (!found) {
    found = listRegions(parent).then((r) => r.items);
    found.catch(() => childrenCache.delete(parent));
    childrenCache.set(parent, found);
  }
  return found;
}

/** The kab/kota the user works in: theirs (operator), their Bakorwil's (koordinator), or all 38. */
function useScopeKabkota(me: SignedInUser): Loaded<Region[]> {
  return useLoad(async () => {
    const all = await regionChildren('35');
    const scope = me.scope;
    if (scope.kind === 'bakorwil') {
      const bakorwil = (await listBakorwil()).items.find((b) => b.id === scope.id);
      return all.filter((r) => bakorwil?.members.includes(r.code));
    }
    if (scope.code === '35') return all;
    const kabkota = kabkotaOf(scope.code);
    return all.filter((r) => r.code === kabkota);
  }, [me.id]);
}

/**
 * Picks a region: a kab/kota of those `me` works in and, unless `kecamatan` is 'none', one of its kecamatan
 * ('optional': the whole kab/kota is a choice too). `value` is the chosen code, '' for none.
 */
export function RegionPicker(props: {
  id: string;
  legend: string;
  me: SignedInUser;
  value: string;
  onChange: (code: string) => void;
  kecamatan: 'none' | 'optional' | 'required';
  hint?: string;
}) {
  const t = useT();
  const kabkota = useScopeKabkota(props.me);
  const kab = kabkotaOf(props.value) ?? '';
  const kec = kecamatanOf(props.value) ?? '';
  const children = useLoad(
    () => (kab && props.kecamatan !== 'none' ? regionChildren(kab) : Promise.resolve([])),
    [kab, props.kecamatan],
  );
  return (
    <fieldset class="ew-fieldset">
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      <div class="op-grid-form">
        <SelectField
          id={`${props.id}-kabkota`}
          label={t('ew.region.kabkota')}
          required
          value={kab}
          onChange={props.onChange}
          options={[{ value: '', label: t('ew.region.choose') }, ...(kabkota.data ?? []).map(regionOption)]}
        />
        {props.kecamatan !== 'none' && (
          <SelectField
            id={`${props.id}-kecamatan`}
            label={t('ew.region.kecamatan')}
            required={props.kecamatan === 'required'}
            isDisabled={!kab}
            value={kec}
            onChange={(code) => props.onChange(code || kab)}
            options={[
              {
                value: '',
                label: props.kecamatan === 'optional' ? t('ew.region.wholeKabkota') : t('ew.region.choose'),
              },
              // By name, as people look for a kecamatan; the codes' order means nothing to them.
              ...[...(children.data ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name, 'id'))
                .map(regionOption),
            ]}
          />
        )}
      </div>
      <EwError error={kabkota.error ?? children.error} />
    </fieldset>
  );
}

/** A region as a choice in a list: its name shown, its code chosen. */
const regionOption = (r: Region) => ({ value: r.code, label: r.name });

// ── Alerts ──────────────────────────────────────────────────────────────────────────────────────

/** "Kecamatan Tanggul, Kabupaten Jember": the area an alert names, in the user's language. */
export function alertArea(
  alert: Pick<AlertView, 'regionCode' | 'regionName' | 'kabkotaName'>,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const level = levelOfCode(alert.regionCode);
  if (isAtOrAbove(alert.regionCode, 'kabkota')) return alert.kabkotaName;
  const key = level === 'kecamatan' ? 'ew.area.kecamatan' : 'ew.area.desa';
  return `${t(key, { name: alert.regionName })}, ${alert.kabkotaName}`;
}

/** The status in words: waiting, acknowledged, closed, replaced. */
export function AlertStatusTag(props: { alert: AlertView }) {
  const t = useT();
  const status = props.alert.status;
  const tone = status === 'aktif' ? 'danger' : status === 'diterima' ? 'ok' : 'muted';
  return <Tag tone={tone}>{t(`ew.alert.status.${status}` as MessageKey)}</Tag>;
}
