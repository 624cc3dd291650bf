// The text reader on the report form, loaded only when asked: it sends the description to POST /api/text/read,
// shows what the reader suggests with the deciding words marked in the text, and hands the suggestion to the
// form when the person chooses to use it. Nothing is filled without that choice.
import '../../shared/messages/reader.ts';
import { useEffect, useState } from 'preact/hooks';
import type { TextReadReply } from '../../shared/text-reader/text-read-schema.ts';
import { request } from '../api.ts';
import { useT } from '../lang.ts';
import { ReaderWords } from '../ui/ReaderWords.tsx';
import { type PlaceRegion, rememberRegions } from './region-cache.ts';

export type ReaderSuggestion = { reading: TextReadReply; place: PlaceRegion | undefined };

type ApiRegion = { code: string; name: string; level: PlaceRegion['level']; parentCode: string | null };

/** The region of a code as the place picker holds it, with its ancestors kept for the label. */
async function placeOf(code: string | null): Promise<PlaceRegion | undefined> {
  if (!code) return undefined;
  const detail = await request<ApiRegion & { ancestors: ApiRegion[] }>('GET', `/api/regions/${code}`);
  const [place] = await rememberRegions([detail, ...detail.ancestors]);
  return place;
}

export function TextReaderPanel(props: {
  text: string;
  homeRegion: string | undefined;
  onApply: (suggestion: ReaderSuggestion) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<
    { kind: 'reading' } | { kind: 'failed' } | { kind: 'read'; suggestion: ReaderSuggestion; text: string }
  >({ kind: 'reading' });

  useEffect(() => {
    let isCurrent = true;
    const text = props.text;
    setState({ kind: 'reading' });
    request<TextReadReply>('POST', '/api/text/read', { text, homeRegion: props.homeRegion })
      .then(async (reading) => {
        const place = await placeOf(reading.regionCode).catch(() => undefined);
        if (isCurrent) setState({ kind: 'read', suggestion: { reading, place }, text });
      })
      .catch(() => {
        if (isCurrent) setState({ kind: 'failed' });
      });
    return () => {
      isCurrent = false;
    };
  }, [props.text, props.homeRegion]);

  if (state.kind === 'reading') {
    return (
      <section class="reader-panel" aria-live="polite">
        <p>{t('reader.reading')}</p>
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section class="reader-panel" aria-live="polite">
        <p class="message message-error">{t('reader.failed')}</p>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('reader.close')}
        </button>
      </section>
    );
  }
  const { reading, place } = state.suggestion;
  const spans = Object.values(reading.evidence).flatMap((e) => e.spans);
  const count = (n: number | null) => (n === null ? t('reader.countUnknown') : String(n));
  const confidence = (field: string) => {
    const c = reading.evidence[field]?.confidence;
    return c === undefined ? '' : ` (${t('reader.confidence', { percent: Math.round(c * 100) })})`;
  };
  const placeText = place
    ? place.name
    : reading.candidates.length > 0
      ? t('reader.placeAmbiguous', {
          names: reading.candidates.map((c) => `${c.name}, ${c.kabkotaName}`).join('; '),
        })
      : t('reader.placeUnknown');
  return (
    <section class="reader-panel" aria-labelledby="reader-title" aria-live="polite">
      <h3 id="reader-title">{t('reader.title')}</h3>
      <p class="hint">{t('reader.intro')}</p>
      <ReaderWords text={state.text} spans={spans} />
      <dl class="reader-suggestions">
        <dt>{t('reader.kind')}</dt>
        <dd data-field="kind">
          {t(`field.kind.${reading.kind}`)}
          {confidence('kind')}
        </dd>
        <dt>{t('reader.conflictType')}</dt>
        <dd data-field="conflictType">
          {t(`field.conflictType.${reading.conflictType}`)}
          {confidence('conflictType')}
        </dd>
        <dt>{t('reader.place')}</dt>
        <dd data-field="place">
          {placeText}
          {confidence('place')}
        </dd>
        <dt>{t('reader.counts')}</dt>
        <dd data-field="counts">
          {t('reader.countsValue', {
            injured: count(reading.injured),
            dead: count(reading.dead),
            displaced: count(reading.displaced),
          })}
        </dd>
        <dt>{t('reader.vulnerable')}</dt>
        <dd data-field="vulnerableGroups">
          {reading.vulnerableGroups.length === 0
            ? t('reader.none')
            : reading.vulnerableGroups.map((g) => t(`field.group.${g}`)).join(', ')}
        </dd>
        <dt>{t('reader.ongoing')}</dt>
        <dd data-field="violenceOngoing">{reading.violenceOngoing ? t('reader.yes') : t('reader.no')}</dd>
      </dl>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={() => props.onApply(state.suggestion)}>
          {t('reader.apply')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('reader.close')}
        </button>
      </div>
    </section>
  );
}
