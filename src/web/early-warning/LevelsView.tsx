// Status wilayah: the level of every kab/kota (or of the kecamatan of one), why, since when, and its latest
// changes; recomputing on demand for the roles the API allows.

import { useState } from 'preact/hooks';
import { levelRank } from '../../shared/early-warning/levels.ts';
import { can } from '../../shared/permissions/index.ts';
import { kabkotaOf } from '../../shared/region-codes.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { warningLevelLabel } from '../operator/labels.ts';
import { useLiveEvents } from '../operator/live.ts';
import { DataTable, Loading, num, TimelineEntry, useAction, useLoad, wib } from '../operator/ui.tsx';
import { ActionButton } from '../ui/ActionButton.tsx';
import { DrillCell } from '../ui/DataTable.tsx';
import {
  getLevelDetail,
  type LevelItem,
  listLevels,
  type RecomputeResult,
  recomputeLevels,
} from './ew-api.ts';
import { EwError, FactorList, formatScore, LevelTag, regionChildren } from './ew-ui.tsx';

const LEVEL_EVENTS = ['early_warning.level_changed'];

/** Roles the API lets recompute every level now. */

/** The kab/kota an operator starts in; everyone else starts at the province. */
function homeOf(me: SignedInUser): string {
  return (me.scope.kind === 'region' && kabkotaOf(me.scope.code)) || '35';
}

export function LevelsView(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const [parent, setParent] = useState(() => homeOf(props.me));
  const levels = useLoad(() => listLevels(parent).then((r) => r.items), [parent]);
  const kabkotaName = useLoad(
    () =>
      parent === '35'
        ? Promise.resolve('')
        : regionChildren('35').then((all) => all.find((r) => r.code === parent)?.name ?? parent),
    [parent],
  );
  const recompute = useAction();
  const [result, setResult] = useState<RecomputeResult | undefined>();
  useLiveEvents(LEVEL_EVENTS, () => levels.reload());

  async function runRecompute() {
    let done: RecomputeResult | undefined;
    if (await recompute.run(async () => (done = await recomputeLevels()))) {
      setResult(done);
      levels.reload();
    }
  }

  const items = [...(levels.data ?? [])].sort(
    (a, b) =>
      levelRank(b.level) - levelRank(a.level) ||
      b.score - a.score ||
      a.regionCode.localeCompare(b.regionCode),
  );
  const counts = ['awas', 'siaga', 'waspada', 'normal']
    .map((level) => ({ level, n: items.filter((i) => i.level === level).length }))
    .filter((c) => c.n > 0);
  const computedAt = items
    .map((i) => i.computedAt)
    .filter((c): c is string => c !== null)
    .sort()
    .pop();
  const isProvince = parent === '35';
  const areaName = isProvince ? t('ew.levels.province') : kabkotaName.data || parent;

  return (
    <section aria-labelledby="ew-levels-heading">
      <h2 id="ew-levels-heading">
        {isProvince ? t('ew.levels.headingKabkota') : t('ew.levels.headingKecamatan', { name: areaName })}
      </h2>
      <p class="hint">{t('ew.levels.explain')}</p>
      {!isProvince && (
        <p>
          <button type="button" class="button op-button-secondary" onClick={() => setParent('35')}>
            {t('ew.levels.backToProvince')}
          </button>
        </p>
      )}
      {can(props.me.role, 'level.recompute') && (
        <div class="op-actions">
          <ActionButton
            label={t('ew.levels.recompute')}
            busyLabel={t('ew.levels.recomputing')}
            isBusy={recompute.isBusy}
            onClick={runRecompute}
          />
        </div>
      )}
      <div role="status">
        {result && (
          <p class="message message-success">
            {t('ew.levels.recomputed', {
              regions: num(result.regions, lang),
              changed: num(result.changed, lang),
              alerts: num(result.alerts, lang),
              seconds: formatScore(result.ms / 1000, lang),
            })}
          </p>
        )}
      </div>
      <EwError error={recompute.error ?? levels.error} />
      {!levels.data && levels.isLoading && <Loading />}
      {levels.data && (
        <p>
          {counts.map((c) => `${num(c.n, lang)} ${warningLevelLabel(t, c.level)}`).join(' · ')}
          {computedAt
            ? ` — ${t('ew.levels.computedAt', { when: wib(computedAt, lang) })}`
            : ` — ${t('ew.levels.neverComputed')}`}
        </p>
      )}
      {items.length > 0 && (
        <LevelTable
          items={items}
          caption={
            isProvince ? t('ew.levels.headingKabkota') : t('ew.levels.headingKecamatan', { name: areaName })
          }
          onDrill={isProvince ? setParent : undefined}
        />
      )}
      {!isProvince && <LevelHistory code={parent} name={areaName} />}
    </section>
  );
}

function LevelTable(props: { items: LevelItem[]; caption: string; onDrill?: (code: string) => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <DataTable
      caption={props.caption}
      columns={[
        t('ew.levels.col.area'),
        t('ew.levels.col.level'),
        t('ew.levels.col.score'),
        t('ew.levels.col.factors'),
        t('ew.levels.col.since'),
      ]}
      actionsLabel={props.onDrill && t('ew.levels.col.drill')}
      tableClass="ew-level-table"
    >
      {props.items.map((item) => (
        <tr key={item.regionCode}>
          <th scope="row">{item.regionName}</th>
          <td>
            <LevelTag level={item.level} />
          </td>
          <td>{formatScore(item.score, lang)}</td>
          <td>
            <FactorList factors={item.factors} />
          </td>
          <td>{item.levelSince ? wib(item.levelSince, lang) : '—'}</td>
          <DrillCell
            onDrill={props.onDrill}
            code={item.regionCode}
            label={t('ew.levels.drill', { name: item.regionName })}
          />
        </tr>
      ))}
    </DataTable>
  );
}

/** A kab/kota's own level and its latest changes, newest first. */
function LevelHistory(props: { code: string; name: string }) {
  const t = useT();
  const lang = useLang();
  const detail = useLoad(() => getLevelDetail(props.code), [props.code]);
  const changes = detail.data?.changes ?? [];
  return (
    <section aria-labelledby="ew-history-heading">
      <h3 id="ew-history-heading">{t('ew.levels.historyHeading', { name: props.name })}</h3>
      <EwError error={detail.error} />
      {detail.data && (
        <p>
          {t('ew.levels.now')} <LevelTag level={detail.data.level} />{' '}
          {t('ew.levels.scoreIs', { score: formatScore(detail.data.score, lang) })}
        </p>
      )}
      {detail.data && changes.length === 0 && <p>{t('ew.levels.noChanges')}</p>}
      {changes.length > 0 && (
        <ol class="op-timeline">
          {changes.map((change) => (
            <TimelineEntry
              key={change.changedAt + change.toLevel}
              at={change.changedAt}
              below={<FactorList factors={change.factors} />}
            >
              {change.fromLevel
                ? t('ew.levels.changed', {
                    from: warningLevelLabel(t, change.fromLevel),
                    to: warningLevelLabel(t, change.toLevel),
                  })
                : t('ew.levels.first', { to: warningLevelLabel(t, change.toLevel) })}{' '}
              ({t('ew.levels.scoreIs', { score: formatScore(change.score, lang) })})
            </TimelineEntry>
          ))}
        </ol>
      )}
    </section>
  );
}
