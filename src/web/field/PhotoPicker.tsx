import { useEffect, useRef, useState } from 'preact/hooks';
import { newClientId } from '../client-id.ts';
import { useT } from '../lang.ts';
import { downscalePhoto } from './photo.ts';

/** A photo ready to go: already downscaled, with the id it will be uploaded under. */
export type PickedPhoto = { id: string; blob: Blob; url: string };

/** At most this many photos per report: each is sent over a weak line. */
export const MAX_PHOTOS = 5;

/** Take or choose photos; each is downscaled on the phone at once and shown as a thumbnail. */
export function PhotoPicker(props: { photos: PickedPhoto[]; onChange: (photos: PickedPhoto[]) => void }) {
  const t = useT();
  const [isBusy, setBusy] = useState(false);
  const [hasProblem, setProblem] = useState(false);

  // Thumbnails are object URLs; free them when the form goes away (the blobs live on in the outbox).
  const latest = useRef(props.photos);
  latest.current = props.photos;
  useEffect(
    () => () => {
      for (const photo of latest.current) URL.revokeObjectURL(photo.url);
    },
    [],
  );

  async function add(input: HTMLInputElement) {
    const files = [...(input.files ?? [])].slice(0, MAX_PHOTOS - props.photos.length);
    input.value = ''; // the same photo can be chosen again after removing it
    if (files.length === 0) return;
    setBusy(true);
    setProblem(false);
    const added: PickedPhoto[] = [];
    for (const file of files) {
      try {
        const blob = await downscalePhoto(file);
        added.push({ id: newClientId(), blob, url: URL.createObjectURL(blob) });
      } catch {
        setProblem(true);
      }
    }
    setBusy(false);
    props.onChange([...props.photos, ...added]);
  }

  function remove(photo: PickedPhoto) {
    URL.revokeObjectURL(photo.url);
    props.onChange(props.photos.filter((other) => other.id !== photo.id));
  }

  return (
    <fieldset class="group">
      <legend>{t('field.photo.legend')}</legend>
      <p class="hint" id="photo-hint">
        {t('field.photo.hint', { max: MAX_PHOTOS })}
      </p>
      {props.photos.length > 0 && (
        <ul class="photo-list">
          {props.photos.map((photo, index) => (
            <li key={photo.id}>
              <img src={photo.url} alt={t('field.photo.alt', { n: index + 1 })} width={96} height={96} />
              <button type="button" class="button button-secondary" onClick={() => remove(photo)}>
                {t('field.photo.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" class="alert-region">
        {isBusy && <p class="hint">{t('field.photo.preparing')}</p>}
        {hasProblem && <p class="message message-error">{t('field.photo.unreadable')}</p>}
      </div>
      {props.photos.length < MAX_PHOTOS && (
        <label class="button button-secondary file-button">
          <input
            type="file"
            accept="image/*"
            capture="environment"
            class="visually-hidden"
            aria-describedby="photo-hint"
            disabled={isBusy}
            onChange={(event) => void add(event.currentTarget)}
          />
          {t('field.photo.add')}
        </label>
      )}
    </fieldset>
  );
}
