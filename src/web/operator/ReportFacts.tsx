import { VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import { COUNT_FIELDS } from '../field/report-draft.ts';
import { useLang, useT } from '../lang.ts';
import { Fact } from '../ui/Fact.tsx';
import {
  conflictTypeLabel,
  groupLabel,
  kindLabel,
  needLabel,
  triggerLabel,
  vulnerableColumns,
} from './labels.ts';
import type { Report } from './operator-api.ts';
import { DataTable, num, PriorityTag, wib } from './ui.tsx';

/** What a report says: when, where, how many, who is vulnerable, and the reporter's words. */
export function ReportFacts(props: { report: Report }) {
  const { report } = props;
  const t = useT();
  const lang = useLang();
  const groups = VULNERABLE_GROUPS.filter((group) => {
    const counts = report.vulnerable[group];
    return (counts?.harmed ?? 0) + (counts?.displaced ?? 0) + (counts?.atRisk ?? 0) > 0;
  });
  return (
    <>
      <dl class="op-facts">
        <Fact label={t('op.report.occurredAt')}>{wib(report.occurredAt, lang)}</Fact>
        <Fact label={t('op.report.receivedAt')}>{wib(report.createdAt, lang)}</Fact>
        <Fact label={t('op.report.place')}>
          {report.regionName} <span class="op-code">({report.regionCode})</span>
        </Fact>
        {report.triggers.length > 0 && (
          <Fact label={t('op.report.triggers')}>
            {report.triggers.map((trigger) => triggerLabel(t, trigger)).join(', ')}
          </Fact>
        )}
        {report.groupsInvolved && <Fact label={t('op.report.groupsInvolved')}>{report.groupsInvolved}</Fact>}
        {report.violenceOngoing && (
          <Fact label={t('op.report.violence')}>
            <strong>{t('op.report.violenceOngoing')}</strong>
          </Fact>
        )}
        <Fact label={t('op.report.counts')}>
          {COUNT_FIELDS.filter((field) => report[field] > 0)
            .map((field) => `${t(`field.count.${field}`)} ${num(report[field], lang)}`)
            .join(' · ') || t('op.report.noCounts')}
        </Fact>
        {report.needs.length > 0 && (
          <Fact label={t('op.report.needs')}>
            {report.needs.map((need) => needLabel(t, need)).join(', ')}
          </Fact>
        )}
      </dl>
      {groups.length > 0 && (
        <DataTable
          caption={t('op.report.vulnerableCaption')}
          isCaptionShown
          isScrolling={false}
          columns={vulnerableColumns(t)}
        >
          {groups.map((group) => (
            <tr key={group}>
              <th scope="row">{groupLabel(t, group)}</th>
              <td>{num(report.vulnerable[group]?.harmed ?? 0, lang)}</td>
              <td>{num(report.vulnerable[group]?.displaced ?? 0, lang)}</td>
              <td>{num(report.vulnerable[group]?.atRisk ?? 0, lang)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>{t('op.report.description')}</h3>
      <p class="op-description">{report.description}</p>
    </>
  );
}

/** A report in a few lines, for comparing two side by side. */
export function ReportSummaryLine(props: { report: Report }) {
  const { report } = props;
  const t = useT();
  const lang = useLang();
  return (
    <div class="op-summary-line">
      <p>
        <PriorityTag priority={report.priority} /> {kindLabel(t, report.kind)} ·{' '}
        {conflictTypeLabel(t, report.conflictType)}
      </p>
      <p>
        {report.regionName} · {wib(report.occurredAt, lang)}
      </p>
      <p class="op-description">{report.description}</p>
    </div>
  );
}
