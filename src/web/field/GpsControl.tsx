import { useState } from 'preact/hooks';
import { formatCoordinate, formatNumber, type MessageKey } from '../../shared/i18n.ts';
import { isInEastJava } from '../../shared/reports/report-vocabulary.ts';
import { useLang, useT } from '../lang.ts';

/** A GPS fix in decimal degrees, with its accuracy in metres. */
export type Position = { latitude: number; longitude: number; accuracy: number };

/** East Java's box, as the API checks it: a fix outside is a wrong fix (or a report from elsewhere). */

/** Rounds to 5 decimals (about a metre): more digits claim a precision phones do not have. */
function round(value: number): number {
  return Math.round(value * 100_000) / 100_000;
}

/** Asks the phone for its position once. */
export function readPosition(options: { timeoutMs: number }): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('unavailable'));
    navigator.geolocation.getCurrentPosition(
      (fix) =>
        resolve({
          latitude: round(fix.coords.latitude),
          longitude: round(fix.coords.longitude),
          accuracy: Math.round(fix.coords.accuracy),
        }),
      (error) =>
        reject(
          new Error(
            error.code === error.PERMISSION_DENIED
              ? 'denied'
              : error.code === error.TIMEOUT
                ? 'timeout'
                : 'unavailable',
          ),
        ),
      { enableHighAccuracy: true, timeout: options.timeoutMs, maximumAge: 60_000 },
    );
  });
}

const PROBLEMS: Record<string, MessageKey> = {
  denied: 'field.gps.denied',
  timeout: 'field.gps.timeout',
  unavailable: 'field.gps.unavailable',
  outside: 'field.gps.outside',
};

/** "Gunakan GPS": adds the phone's position to the report. The desa must still be picked. */
export function GpsControl(props: {
  value: Position | undefined;
  onChange: (value: Position | undefined) => void;
}) {
  const lang = useLang();
  const t = useT();
  const [isBusy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  async function locate() {
    setBusy(true);
    setProblem(undefined);
    try {
      const position = await readPosition({ timeoutMs: 20_000 });
      if (isInEastJava(position)) props.onChange(position);
      else setProblem('outside');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'unavailable');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="gps">
      <p class="hint" id="gps-hint">
        {t('field.gps.hint')}
      </p>
      <div role="status" class="alert-region">
        {isBusy && <p class="hint">{t('field.gps.locating')}</p>}
        {props.value && (
          <p class="gps-fix">
            {t('field.gps.fix', {
              latitude: formatCoordinate(props.value.latitude, lang),
              longitude: formatCoordinate(props.value.longitude, lang),
              accuracy: formatNumber(props.value.accuracy, lang),
            })}
          </p>
        )}
        {problem && <p class="message message-error">{t(PROBLEMS[problem] ?? 'field.gps.unavailable')}</p>}
      </div>
      {props.value ? (
        <button type="button" class="button button-secondary" onClick={() => props.onChange(undefined)}>
          {t('field.gps.remove')}
        </button>
      ) : (
        // A plain button, not ActionButton: this control is on the field report page, whose JavaScript is one file
        // (bench/web-bundle.ts); importing ActionButton here made the build split it into three.
        <button
          type="button"
          class="button button-secondary"
          aria-describedby="gps-hint"
          disabled={isBusy}
          onClick={locate}
        >
          {t('field.gps.use')}
        </button>
      )}
    </div>
  );
}
