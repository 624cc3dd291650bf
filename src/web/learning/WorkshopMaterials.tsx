// A workshop's materials: slides, handouts and photos to download, and uploading one (at most 10 MB).
import { useRef, useState } from 'preact/hooks';
import { formatFileSize } from '../../shared/file-size.ts';
import {
  MAX_MATERIAL_BYTES,
  materialTypeOf,
  type WorkshopView,
} from '../../shared/workshops/workshop-rules.ts';
import { useLang, useT } from '../lang.ts';
import { DoneNotice, useAction, wib } from '../operator/ui.tsx';
import { Section } from '../ui/Section.tsx';
import { materialHref, uploadMaterial } from './learning-api.ts';
import { LearnError } from './learning-ui.tsx';

export function MaterialsSection(props: { workshop: WorkshopView; onChanged: () => void }) {
  const { workshop } = props;
  const t = useT();
  const lang = useLang();
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  async function upload(event: Event) {
    event.preventDefault();
    setDone('');
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem(t('learn.material.choose'));
      return;
    }
    const type = materialTypeOf(file.name);
    if (!type) {
      setProblem(t('learn.error.fileType'));
      return;
    }
    if (file.size > MAX_MATERIAL_BYTES) {
      setProblem(t('learn.error.tooLarge'));
      return;
    }
    setProblem('');
    const body = new Blob([file], { type });
    if (await action.run(() => uploadMaterial(workshop.id, body, file.name))) {
      setDone(t('learn.material.uploaded', { name: file.name }));
      if (input.current) input.current.value = '';
      props.onChanged();
    }
  }

  return (
    <Section id="workshop-materials" heading={t('learn.material.heading')}>
      {workshop.materials.length === 0 && <p>{t('learn.material.none')}</p>}
      <ul class="op-plain-list">
        {workshop.materials.map((m) => (
          <li key={m.id}>
            <a class="learn-inline-link" href={materialHref(workshop.id, m.id)} download={m.fileName}>
              {t('learn.material.download', { name: m.fileName })}
            </a>{' '}
            <span class="learn-meta">
              ({formatFileSize(m.byteSize, lang)} · {wib(m.createdAt, lang)})
            </span>
          </li>
        ))}
      </ul>
      {workshop.canManage && (
        <form class="op-form" onSubmit={upload} aria-labelledby="material-upload-title">
          <h3 id="material-upload-title">{t('learn.material.uploadHeading')}</h3>
          <div class="field">
            <label for="material-file">{t('learn.material.file')}</label>
            <p class="hint" id="material-file-hint">
              {t('learn.material.hint')}
            </p>
            <input
              id="material-file"
              ref={input}
              class="learn-file-input"
              type="file"
              accept=".pdf,.pptx,.docx,.xlsx,.jpg,.jpeg,.png"
              aria-describedby="material-file-hint"
              aria-invalid={problem ? true : undefined}
              onChange={() => setProblem('')}
            />
          </div>
          <div role="alert">{problem && <p class="message message-error">{problem}</p>}</div>
          <LearnError error={action.error} />
          <DoneNotice message={done} />
          <button type="submit" class="button button-primary" disabled={action.isBusy}>
            {t(action.isBusy ? 'learn.material.uploading' : 'learn.material.upload')}
          </button>
        </form>
      )}
    </Section>
  );
}
