// The WhatsApp or SMS messages a report came from, in the inbox: who sent them (the number masked unless the
// viewer handles the report), and the text reader's suggestions marked as such, with their deciding words.
import '../../shared/messages/reader.ts';
import type { ChannelMessageView } from '../../shared/channels/channel-schema.ts';
import { request } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ReaderWords } from '../ui/ReaderWords.tsx';
import { conflictTypeLabel, kindLabel } from './labels.ts';
import { ReplyToSender } from './ReplyToSender.tsx';
import { SuggestionCheck } from './SuggestionCheck.tsx';
import { ErrorNotice, Tag, useLoad, wib } from './ui.tsx';

export function ChannelMessages(props: {
  reportId: string;
  version: number;
  canReply: boolean;
  /** While the report is new: its fields the reader filled, to confirm or correct before verifying. */
  check?: {
    current: { kind: string; conflictType: string };
    isBusy: boolean;
    onSave: (checked: { kind: string; conflictType: string }, corrected: number) => void;
  };
}) {
  const t = useT();
  const lang = useLang();
  const loaded = useLoad(
    () => request<{ items: ChannelMessageView[] }>('GET', `/api/reports/${props.reportId}/messages`),
    [props.reportId, props.version],
  );
  const items = loaded.data?.items ?? [];
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (items.length === 0) return null;
  return (
    <section class="op-channel-messages" aria-labelledby="channel-messages-heading">
      <h3 id="channel-messages-heading">{t('op.channel.heading')}</h3>
      {items.map((m) => {
        const reading = m.reading;
        const spans = reading ? Object.values(reading.evidence).flatMap((e) => e.spans) : [];
        return (
          <div key={m.id} class="op-channel-message">
            <p>
              {t(m.channel === 'whatsapp' ? 'op.queue.whatsapp' : 'op.queue.sms')} · {wib(m.receivedAt, lang)}{' '}
              · {t('op.queue.from', { sender: m.sender, area: m.areaName })}{' '}
              <Tag tone={m.trust === 'warga' ? 'warn' : 'ok'}>{t(`op.queue.trust.${m.trust}`)}</Tag>
              {m.joined > 0 && ` · ${t('op.queue.joined', { count: m.joined })}`}
            </p>
            <ReaderWords text={m.text} spans={spans} />
            {reading && (
              <>
                <p class="hint">{t('op.channel.suggestionsHint')}</p>
                <dl class="reader-suggestions" aria-label={t('op.channel.suggestions')}>
                  <dt>{t('reader.kind')}</dt>
                  <dd>
                    {kindLabel(t, reading.kind)} <Tag tone="muted">{t('op.channel.suggested')}</Tag>
                  </dd>
                  <dt>{t('reader.conflictType')}</dt>
                  <dd>
                    {conflictTypeLabel(t, reading.conflictType)}{' '}
                    <Tag tone="muted">{t('op.channel.suggested')}</Tag>
                  </dd>
                  <dt>{t('reader.counts')}</dt>
                  <dd>
                    {t('reader.countsValue', {
                      injured: String(reading.injured ?? '?'),
                      dead: String(reading.dead ?? '?'),
                      displaced: String(reading.displaced ?? '?'),
                    })}{' '}
                    <Tag tone="muted">{t('op.channel.suggested')}</Tag>
                  </dd>
                  <dt>{t('reader.vulnerable')}</dt>
                  <dd>
                    {reading.vulnerableGroups.length === 0
                      ? t('reader.none')
                      : reading.vulnerableGroups.map((g) => t(`field.group.${g}`)).join(', ')}{' '}
                    <Tag tone="muted">{t('op.channel.suggested')}</Tag>
                  </dd>
                </dl>
                {props.check && <SuggestionCheck text={m.text} reading={reading} {...props.check} />}
              </>
            )}
          </div>
        );
      })}
      {props.canReply && <ReplyToSender reportId={props.reportId} />}
    </section>
  );
}
