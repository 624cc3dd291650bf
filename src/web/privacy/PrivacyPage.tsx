// Pelindungan data (the data protection officer and the admin): the record of processing activities made from the
// data map, with its PDF in the page's language.
import '../../shared/messages/privacy.ts';
import { useLang, useT } from '../lang.ts';
import type { OperatorPageProps } from '../operator/OperatorPage.tsx';
import { DataTable, ErrorNotice, Tag, useLoad, wib } from '../operator/ui.tsx';
import { BreachRegister } from './BreachRegister.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { getProcessingRecord, type ProcessingRecord, processingRecordPdfPath } from './privacy-api.ts';
import { RetentionPanel } from './RetentionPanel.tsx';
import { RightsRequests } from './RightsRequests.tsx';

/** The record of processing as a page. */
export function PrivacyPage(props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const record = useLoad(() => getProcessingRecord(lang), [lang]);
  const data = record.data;
  return (
    <div class="op-wide">
      <p class="lead">{t('privacy.lead')}</p>
      <p>
        <a class="button" href={processingRecordPdfPath(lang)} download>
          {t('privacy.pdf')}
        </a>
      </p>
      <RightsRequests canSearch={props.me.role === 'ppdp'} />
      <ConsentPanel />
      <BreachRegister />
      <RetentionPanel />
      <ErrorNotice error={record.error} />
      {data && <RecordView record={data} />}
    </div>
  );
}

function RecordView(props: { record: ProcessingRecord }) {
  const t = useT();
  const lang = useLang();
  const { record } = props;
  const heading = t('privacy.activities', { count: record.activities.length });
  return (
    <>
      <p>
        {t('privacy.controller', { name: record.controller })} ·{' '}
        {t('privacy.generated', { at: wib(record.generatedAt, lang) })}
      </p>
      <section aria-labelledby="privacy-activities-heading">
        <h2 id="privacy-activities-heading">{heading}</h2>
        <DataTable
          caption={heading}
          columns={[
            t('privacy.col.activity'),
            t('privacy.col.subjects'),
            t('privacy.col.bases'),
            t('privacy.col.retention'),
            t('privacy.col.columns'),
          ]}
        >
          {record.activities.map((activity) => (
            <tr key={activity.id}>
              <th scope="row">
                {activity.name} {activity.hasSpecificData && <Tag tone="warn">{t('privacy.specific')}</Tag>}
              </th>
              <td>{activity.subjects}</td>
              <td>{activity.bases.join('; ')}</td>
              <td>{activity.retention.join('; ')}</td>
              <td>{activity.columns.length}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      {record.activities.map((activity) => (
        <details key={activity.id}>
          <summary>{t('privacy.columnsOf', { name: activity.name })}</summary>
          <ul>
            {activity.columns.map((c) => (
              <li key={`${c.table}.${c.column}`}>
                <code>
                  {c.table}.{c.column}
                </code>{' '}
                —{' '}
                {c.category === 'spesifik'
                  ? `${t('privacy.specific')} (${c.specific.map((k) => t(`privacy.kind.${k}`)).join(', ')})`
                  : t('privacy.general')}
                : {c.purpose}
              </li>
            ))}
          </ul>
        </details>
      ))}
      <section aria-labelledby="privacy-safeguards-heading">
        <h2 id="privacy-safeguards-heading">{t('privacy.safeguards')}</h2>
        <ul>
          {record.safeguards.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
