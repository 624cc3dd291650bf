// Picking a user's area by name: a search over the regions (kab/kota, kecamatan, desa) and the Bakorwil,
// shown by name with the level; a typed code (35.09) or Bakorwil number (V) is still taken as it is.
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../../../shared/i18n.ts';
import { searchKey } from '../../../shared/region-codes.ts';
import { request } from '../../api.ts';
import { useT } from '../../lang.ts';

type Hit = { code: string; name: string; level: string };

const BAKORWIL = ['I', 'II', 'III', 'IV', 'V'];

/** The code a text names: an exact name among the hits, a code, or a Bakorwil; '' when none. */
export function codeOfText(text: string, hits: readonly Hit[]): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  if (/^35(\.\d{2}){0,3}$/.test(trimmed)) return trimmed;
  const bakorwil = trimmed.replace(/^bakorwil\s+/i, '').toUpperCase();
  if (BAKORWIL.includes(bakorwil)) return bakorwil;
  const key = searchKey(trimmed);
  const exact = hits.find((h) => searchKey(labelOfHit(h)) === key);
  if (exact) return exact.code;
  // "Jember" names Kabupaten Jember when no other kab/kota or kecamatan is called so.
  const named = hits.filter(
    (h) => (h.level === 'kabkota' || h.level === 'kecamatan') && searchKey(h.name).endsWith(` ${key}`),
  );
  const kabkota = named.filter((h) => h.level === 'kabkota');
  if (kabkota.length === 1) return kabkota[0].code;
  return named.length === 1 ? named[0].code : '';
}

function labelOfHit(h: Hit): string {
  return h.level === 'bakorwil' ? `Bakorwil ${h.code}` : h.name;
}

export function RegionField(props: { id: string; onChange: (code: string) => void; resetKey: number }) {
  const t = useT();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  useEffect(() => setText(''), [props.resetKey]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 3 || /^[\d.]+$/.test(q)) return;
    let current = true;
    request<{ items: Hit[] }>('GET', `/api/regions?q=${encodeURIComponent(q)}&limit=15`).then(
      (r) => {
        if (current) setHits(r.items.filter((h) => h.level !== 'desa' || r.items.length < 8));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [text]);
  const bakorwil = BAKORWIL.map((id) => ({ code: id, name: `Bakorwil ${id}`, level: 'bakorwil' }));
  const options = [...bakorwil.filter((b) => searchKey(b.name).includes(searchKey(text))), ...hits];
  const chosen = codeOfText(text, options);
  const isUnknown = text.trim() !== '' && chosen === '';
  useEffect(() => props.onChange(chosen), [chosen]);
  const listId = `${props.id}-options`;
  return (
    <div class="field">
      <label for={props.id}>{t('op.users.region')}</label>
      <p class="hint" id={`${props.id}-hint`}>
        {t('op.users.regionSearchHint')}
      </p>
      <input
        id={props.id}
        type="search"
        list={listId}
        autocomplete="off"
        aria-describedby={`${props.id}-hint`}
        value={text}
        aria-invalid={isUnknown}
        onInput={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          setText(input.value);
          input.setCustomValidity('');
        }}
        // A name that matches no area blocks the form (empty would mean the whole province).
        onInvalid={(event) =>
          (event.currentTarget as HTMLInputElement).setCustomValidity(t('op.users.regionUnknown'))
        }
        pattern={isUnknown ? '(?!)' : undefined}
      />
      <datalist id={listId}>
        {options.map((h) => (
          <option key={`${h.level}-${h.code}`} value={labelOfHit(h)}>
            {t(`op.users.level.${h.level}` as MessageKey)}
          </option>
        ))}
      </datalist>
    </div>
  );
}
