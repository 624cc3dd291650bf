// The report form's offer to read its description: a button, and the reader's panel loaded only when pressed,
// so the field page's first load carries neither the panel nor its messages.
import { useState } from 'preact/hooks';
import { MIN_DESCRIPTION } from '../../shared/reports/report-vocabulary.ts';
import type { TextReadSuggestion } from '../../shared/text-reader/text-read-schema.ts';
import { request } from '../api.ts';
import { useT } from '../lang.ts';
import type { ReportDraft } from './report-draft.ts';
import type { ReaderSuggestion, TextReaderPanel } from './TextReaderPanel.tsx';

/** The form's fields as the reader suggests them: the person's own entries stay where the reader says nothing. */
export function draftFromSuggestion(
  draft: ReportDraft,
  { reading, place }: ReaderSuggestion,
): Partial<ReportDraft> {
  const vulnerable = { ...draft.vulnerable };
  for (const group of reading.vulnerableGroups) {
    const row = vulnerable[group];
    // the reader knows the group is affected, not how many: one at risk until the person says more
    if (row.harmed + row.displaced + row.atRisk === 0) vulnerable[group] = { ...row, atRisk: 1 };
  }
  return {
    kind: reading.kind,
    conflictType: reading.conflictType,
    place: place ?? draft.place,
    violenceOngoing: reading.violenceOngoing,
    counts: {
      ...draft.counts,
      injured: reading.injured ?? draft.counts.injured,
      dead: reading.dead ?? draft.counts.dead,
      displaced: reading.displaced ?? draft.counts.displaced,
    },
    hasVulnerable: draft.hasVulnerable || reading.vulnerableGroups.length > 0,
    vulnerable,
  };
}

/** What the reader suggested, in the terms the server compares with the filed report. */
export function suggestionOf({ reading }: ReaderSuggestion): TextReadSuggestion {
  return {
    kind: reading.kind,
    conflictType: reading.conflictType,
    regionCode: reading.regionCode,
    kabkotaCode: reading.kabkotaCode,
    vulnerableGroups: reading.vulnerableGroups,
    injured: reading.injured,
    dead: reading.dead,
    displaced: reading.displaced,
    violenceOngoing: reading.violenceOngoing,
  };
}

/** Keeps the reader's suggestion beside a report that was sent; best effort, the report stands without it. */
export function sendSuggestion(reportId: string, suggested: TextReadSuggestion): void {
  request('POST', '/api/text/read/feedback', { reportId, suggested }).catch(() => undefined);
}

export function ReadTextControl(props: {
  text: string;
  homeRegion: string | undefined;
  onApply: (suggestion: ReaderSuggestion) => void;
}) {
  const t = useT();
  const [Panel, setPanel] = useState<typeof TextReaderPanel | undefined>();
  const [readText, setReadText] = useState<string | undefined>();
  const [isApplied, setApplied] = useState(false);
  const isShort = props.text.trim().length < MIN_DESCRIPTION;

  async function open() {
    setApplied(false);
    if (!Panel) {
      const module = await import('./TextReaderPanel.tsx');
      setPanel(() => module.TextReaderPanel);
    }
    setReadText(props.text.trim());
  }

  return (
    <div class="read-text">
      <button type="button" class="button button-secondary" disabled={isShort} onClick={open}>
        {t('field.report.readText')}
      </button>
      <p class="hint">{t('field.report.readTextHint')}</p>
      {Panel && readText !== undefined && (
        <Panel
          text={readText}
          homeRegion={props.homeRegion}
          onClose={() => setReadText(undefined)}
          onApply={(suggestion) => {
            props.onApply(suggestion);
            setReadText(undefined);
            setApplied(true);
          }}
        />
      )}
      {isApplied && (
        <p class="message message-success" role="status">
          {t('reader.applied')}
        </p>
      )}
    </div>
  );
}
