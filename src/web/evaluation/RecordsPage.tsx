// The records behind one figure of the evaluation, at /evaluasi/catatan?scope=…&from=…&to=…&set=…: the filters
// it was counted with, each record linked to its page where it has one, and the export panel of the office lists
// (the whole set as CSV, XLSX, GeoJSON or HXL; docs/EXPORTS.md).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFINITIONS, type FigureId, labelIn } from '../../shared/evaluation/definitions.ts';
import type { FigureRecord } from '../../shared/evaluation/evaluation-replies.ts';
import { errorMessage, formatDateTimeWIB, formatNumber, type MessageKey } from '../../shared/i18n.ts';
import { ApiError, request, type SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ExportPanel } from '../operator/ExportPanel.tsx';
import { Loading } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { EvalTable } from './EvalTable.tsx';

/** The path of the records page in the app. */
export const RECORDS_PATH = '/evaluasi/catatan';

/** The app page of a figure's records, from the API link the summary gives (same filters). */
export function recordsPagePath(apiLink: string): string {
  const query = apiLink.indexOf('?');
  return query < 0 ? RECORDS_PATH : `${RECORDS_PATH}${apiLink.slice(query)}`;
}

type RecordItem = FigureRecord;

const LIMIT = 1000;

/** The figure a set of records stands behind (the set ids of evaluation-bases.ts), for its title. */
const FIGURE_OF_SET: Readonly<Record<string, FigureId>> = {
  reports: 'reports.total',
  incidents: 'reports.byKind',
  'reports.kind': 'reports.byKind',
  'reports.type': 'reports.byType',
  'reports.priority': 'reports.byPriority',
  'reports.kabkota': 'reports.byKabkota',
  'incidents.signalled': 'reports.incidentsWithPriorSignal',
  'signals.prior': 'reports.priorSignals',
  acknowledge: 'timing.acknowledge',
  response: 'timing.response',
  resolve: 'timing.resolve',
  cases: 'cases.opened',
  'cases.phase': 'cases.byPhase',
  'cases.outcome': 'cases.byOutcome',
  'cases.recurred': 'cases.recurrence',
  'cases.closedWithOpenReferrals': 'cases.closedWithOpenReferrals',
  'referrals.made': 'referrals.made',
  'referrals.completed': 'referrals.completed',
  'referrals.overdue': 'referrals.overdue',
  'alerts.raised': 'alerts.raised',
  'alerts.acknowledgedInTime': 'alerts.acknowledgedInTime',
  'alerts.followedByIncident': 'alerts.followedByIncident',
  'alerts.answered': 'alerts.answered',
  safety: 'pillars.safetyAlerts',
  assignments: 'pillars.assignments',
  'pillars.gaps': 'pillars.coverage',
};

/** The title of the figure behind a set id ('reports.priority=P1' → "Menurut prioritas: P1"). */
function figureTitle(set: string, lang: 'id' | 'en'): string {
  const [name, param] = set.split('=', 2);
  const [measure, timingGroup] = name.split('.');
  // Timing sets are '<measure>.<group>' (acknowledge.P1): the measure's figure, for that group.
  const isTiming = ['acknowledge', 'response', 'resolve'].includes(measure) && timingGroup !== undefined;
  const figure = isTiming ? FIGURE_OF_SET[measure] : FIGURE_OF_SET[name];
  if (!figure) return set;
  const group = isTiming ? timingGroup : param;
  return group
    ? `${DEFINITIONS[figure].title[lang]}: ${labelIn(group, lang)}`
    : DEFINITIONS[figure].title[lang];
}

/** The vocabularies of a record's tags besides the report kinds, conflict types and case phases, by record type. */
const TAG_WORDS: Readonly<Record<string, readonly string[]>> = {
  report: ['op.reportStatus'],
  referral: ['op.referral.status', 'op.referral.service'],
  follow_up: ['field.followUp'],
  assignment: ['op.vocab.type'],
  region: ['op.vocab.type'],
  alert: ['op.warning', 'ew.alert.status'],
};

/** A record's tag in words: a code of its vocabularies in the user's language, anything else as it is. */
function tagLabel(t: (key: MessageKey) => string, lang: 'id' | 'en', type: string, tag: string): string {
  for (const prefix of TAG_WORDS[type] ?? []) {
    const key = `${prefix}.${tag}` as MessageKey;
    const text = t(key);
    if (text !== key) return text;
  }
  return labelIn(tag, lang);
}

/** The page of a record in the app, when it has one (a case); reports and others are listed in full here. */
function appPathOf(item: RecordItem): string | undefined {
  if (item.type === 'case') return `/kasus/${item.id}`;
  // Referrals, check-ins and assignments carry their case's id: they open on the case page.
  const caseId = item.tags.find((tag) => /^[0-9a-f-]{36}$/.test(tag));
  if ((item.type === 'referral' || item.type === 'follow_up' || item.type === 'assignment') && caseId) {
    return `/kasus/${caseId}`;
  }
  return undefined;
}

/** The records page: reads its filters from the address, as the figure's link gave them. */
export function RecordsPage(props: { me: SignedInUser }) {
  const t = useT();
  const lang = useLang();
  const params = useMemo(() => new URLSearchParams(location.search), []);
  const [data, setData] = useState<{ total: number; items: RecordItem[] } | undefined>();
  const [error, setError] = useState<ApiError | undefined>();

  useEffect(() => {
    const query = new URLSearchParams(params);
    query.set('limit', String(LIMIT));
    request<{ total: number; items: RecordItem[] }>('GET', `/api/evaluations/records?${query.toString()}`)
      .then(setData)
      .catch((caught) => setError(caught instanceof ApiError ? caught : new ApiError('network', 0, '')));
  }, [params]);

  const set = params.get('set') ?? '';
  const back = `/evaluasi?${new URLSearchParams({
    scope: params.get('scope') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }).toString()}`;

  return (
    <section class="evaluation" aria-labelledby="records-heading">
      <p>
        <Link href={back}>{t('eval.records.back')}</Link>
      </p>
      <h2 id="records-heading">{t('eval.records.title')}</h2>
      <p>
        {t('eval.records.filters', {
          scope: params.get('scope') ?? '–',
          from: params.get('from') ?? '–',
          to: params.get('to') ?? '–',
          figure: figureTitle(set, lang),
        })}
      </p>
      {error && (
        <p class="message message-error" role="alert">
          {errorMessage(lang, error.code, error.details)}
        </p>
      )}
      {!data && !error && <Loading />}
      {data && (
        <>
          <p role="status">{t('eval.records.total', { total: formatNumber(data.total, lang) })}</p>
          {data.total > data.items.length && (
            <p class="hint">
              {t('eval.records.shown', {
                shown: formatNumber(data.items.length, lang),
                total: formatNumber(data.total, lang),
              })}
            </p>
          )}
          {data.items.length > 0 && (
            <ExportPanel
              kind="evaluation"
              role={props.me.role}
              filters={{
                scope: params.get('scope') ?? undefined,
                from: params.get('from') ?? undefined,
                to: params.get('to') ?? undefined,
                set,
              }}
            />
          )}
          {data.items.length === 0 ? (
            <p>{t('eval.records.empty')}</p>
          ) : (
            <EvalTable
              columns={[
                t('eval.records.type'),
                t('eval.records.record'),
                t('eval.records.region'),
                t('eval.records.at'),
                t('eval.records.details'),
                t('eval.records.minutes'),
              ]}
            >
              {data.items.map((item) => {
                const path = appPathOf(item);
                return (
                  <tr key={`${item.type}-${item.id}`}>
                    <td>{t(`eval.records.type.${item.type}` as 'eval.records.type.case')}</td>
                    <td>
                      {path ? (
                        <Link href={path}>{item.id.slice(0, 8)}</Link>
                      ) : (
                        <code>{item.id.slice(0, 8)}</code>
                      )}
                    </td>
                    <td>{item.regionCode}</td>
                    <td>{formatDateTimeWIB(item.at, lang)}</td>
                    <td>
                      {item.tags
                        .filter((tag) => !/^[0-9a-f-]{36}$/.test(tag))
                        .map((tag) => tagLabel(t, lang, item.type, tag))
                        .join(' · ')}
                    </td>
                    <td>
                      {item.minutes === null
                        ? '–'
                        : `${formatNumber(item.minutes, lang)}${item.deadline === null ? '' : ` (${formatNumber(item.deadline, lang)})`}`}
                    </td>
                  </tr>
                );
              })}
            </EvalTable>
          )}
        </>
      )}
    </section>
  );
}
