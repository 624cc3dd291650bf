import { useEffect, useRef, useState } from 'preact/hooks';
import { searchKey } from '../../shared/region-codes.ts';
import { useLang, useT } from '../lang.ts';
import { placeContext, placeName } from './place-label.ts';
import { MIN_SEARCH_LENGTH, type PlaceRegion, searchOnDevice, searchOnServer } from './region-cache.ts';

type Search =
  | { state: 'idle' }
  | { state: 'searching'; results: PlaceRegion[] }
  | { state: 'done'; results: PlaceRegion[]; isOffline: boolean };

/**
 * Pick the desa (or kecamatan) by typing part of its name. The names kept on the phone answer at once, the
 * server's answer follows when there is a signal; without one, the phone's names are the answer.
 */
export function PlacePicker(props: {
  value: PlaceRegion | undefined;
  onChange: (region: PlaceRegion | undefined) => void;
  errorId?: string;
}) {
  const lang = useLang();
  const t = useT();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const latest = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const wasChosen = useRef(false);

  useEffect(() => {
    const query = text.trim();
    const mine = ++latest.current;
    if (searchKey(query).length < MIN_SEARCH_LENGTH) {
      setSearch({ state: 'idle' });
      return;
    }
    const timer = setTimeout(async () => {
      const onDevice = await searchOnDevice(query);
      if (latest.current !== mine) return;
      setSearch({ state: 'searching', results: onDevice });
      let isOffline = false;
      try {
        await searchOnServer(query); // kept on the phone, so the next line now includes it
      } catch {
        isOffline = true;
      }
      if (latest.current !== mine) return;
      setSearch({ state: 'done', results: await searchOnDevice(query), isOffline });
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  // Keep the keyboard where the user is: on "Ganti" after choosing, back in the search box after "Ganti".
  useEffect(() => {
    if (props.value) change.current?.focus();
    else if (wasChosen.current) input.current?.focus();
    wasChosen.current = props.value !== undefined;
  }, [props.value]);

  if (props.value) {
    return (
      <div class="place-chosen">
        <p id="place-chosen-text">
          <span class="place-chosen-label">{t('field.place.chosen')}</span>{' '}
          <strong>{placeName(props.value, lang)}</strong>
          {placeContext(props.value, lang) && (
            <span class="place-context">{placeContext(props.value, lang)}</span>
          )}
        </p>
        <button
          ref={change}
          type="button"
          class="button button-secondary"
          aria-describedby="place-chosen-text"
          onClick={() => {
            setText('');
            props.onChange(undefined);
          }}
        >
          {t('field.place.change')}
        </button>
      </div>
    );
  }

  const results = search.state === 'idle' ? [] : search.results;
  const status =
    search.state === 'idle'
      ? ''
      : search.state === 'searching'
        ? t('field.place.searching')
        : results.length === 0
          ? t(search.isOffline ? 'field.place.noneOffline' : 'field.place.none')
          : t(search.isOffline ? 'field.place.foundOffline' : 'field.place.found', { count: results.length });

  return (
    <div class="place-search">
      <label for="place-search">{t('field.place.search')}</label>
      <p id="place-search-hint" class="hint">
        {t('field.place.searchHint', { min: MIN_SEARCH_LENGTH })}
      </p>
      <input
        ref={input}
        id="place-search"
        type="search"
        autoComplete="off"
        autoCapitalize="words"
        spellcheck={false}
        enterKeyHint="search"
        aria-describedby={['place-search-hint', props.errorId].filter(Boolean).join(' ')}
        aria-invalid={props.errorId ? true : undefined}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault(); // Enter searches; it must not send the report
        }}
      />
      <p class="hint place-status" role="status">
        {status}
      </p>
      {results.length > 0 && (
        <ul class="choice-list" aria-label={t('field.place.results')}>
          {results.map((region) => (
            <li key={region.code}>
              <button type="button" class="choice-button" onClick={() => props.onChange(region)}>
                <span class="choice-title">{placeName(region, lang)}</span>
                <span class="choice-hint">{placeContext(region, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
