// The breach register on the Pelindungan data page: each breach with its 3 × 24 hour deadline and where its clock
// stands; suspected breaches opened by an anomaly signal are marked.
import '../../shared/messages/privacy-retention.ts';
import { useLang, useT } from '../lang.ts';
import { DataTable, ErrorNotice, Tag, useLoad, wib } from '../operator/ui.tsx';
import { listBreaches } from './privacy-api.ts';

const TONES = { berjalan: 'brand', mendekati: 'warn', lewat: 'danger', selesai: 'ok' } as const;

export function BreachRegister() {
  const t = useT();
  const lang = useLang();
  const breaches = useLoad(() => listBreaches(), []);
  const items = breaches.data?.items ?? [];
  const heading = t('breaches.heading', { count: items.length });
  return (
    <section aria-labelledby="breaches-heading">
      <h2 id="breaches-heading">{heading}</h2>
      <ErrorNotice error={breaches.error} />
      {breaches.data && items.length === 0 && <p>{t('breaches.none')}</p>}
      {items.length > 0 && (
        <DataTable
          caption={heading}
          columns={[
            t('breaches.col.title'),
            t('breaches.col.discovered'),
            t('breaches.col.due'),
            t('breaches.col.state'),
          ]}
        >
          {items.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                {b.title} {b.signal && <Tag tone="warn">{t('breaches.suspected')}</Tag>}
              </th>
              <td>{wib(b.discoveredAt, lang)}</td>
              <td>{wib(b.dueAt, lang)}</td>
              <td>
                <Tag tone={TONES[b.clock.state]}>
                  {t(`breaches.state.${b.clock.state}`, { hours: b.clock.hoursLeft })}
                </Tag>
                {b.escalatedAt && ` ${t('breaches.escalated', { at: wib(b.escalatedAt, lang) })}`}
                {b.closedAt && ` · ${t('breaches.closed')}`}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
