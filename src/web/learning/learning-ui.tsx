// Pieces the Workshop and Praktik baik pages share: errors in words, labels of codes, dates, region names,
// the areas a user works in, highlighted search passages rendered as text, and the page of one record.

import type { ComponentChildren } from 'preact';
import { formatDay } from '../../shared/evaluation/period.ts';
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import type { LessonStatus } from '../../shared/lessons/lesson-rules.ts';
import type { ApiError, SignedInUser } from '../api.ts';
import { useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { listBakorwil, listRegions } from '../operator/operator-api.ts';
import { ErrorNotice, StandIn, Tag, useHeading, useLoad, useRecord } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { parseHighlight } from './highlight.ts';
import './learning.css';
import { kabkotaOf } from '../../shared/region-codes.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const ERROR_KEYS: Record<string, MessageKey> = {
  conflict: 'learn.error.conflict',
  version_conflict: 'learn.error.versionConflict',
  invalid_transition: 'learn.error.invalidTransition',
  payload_too_large: 'learn.error.tooLarge',
  unsupported_media_type: 'learn.error.fileType',
};

/** A failed request in words, announced (role=alert); the codes these pages meet get their own message. */
export function LearnError(props: { error: ApiError | undefined }) {
  return <ErrorNotice error={props.error} words={ERROR_KEYS} />;
}

/** The label of a code under `prefix`, or the code itself when this version has no words for it. */
export function labelOf(t: Translate, prefix: string, code: string): string {
  const text = t(`${prefix}.${code}` as MessageKey);
  return text === undefined ? code : text;
}

/** A calendar date ("2026-04-30") as people read it: "30 Apr 2026". */
export function formatDate(day: string, lang: Lang): string {
  return formatDay(day, lang);
}

/** A search passage with the matched words marked; the writer's text only ever becomes text nodes. */
export function Highlighted(props: { passage: string }) {
  return (
    <>
      {parseHighlight(props.passage).map((piece, index) =>
        piece.isMatch ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}

export type Area = { kind: 'bakorwil' | 'kabkota'; code: string; label: string };

/** The kab/kota of East Java with their names, and the Bakorwil with their members. */
export function useProvinceAreas() {
  const kabkota = useLoad(() => listRegions('35').then((r) => r.items), []);
  const bakorwil = useLoad(() => listBakorwil().then((r) => r.items), []);
  const names = new Map<string, string>();
  for (const region of kabkota.data ?? []) names.set(region.code, region.name);
  for (const b of bakorwil.data ?? []) names.set(b.id, b.name);
  return {
    kabkota: kabkota.data ?? [],
    bakorwil: bakorwil.data ?? [],
    /** The name of a kab/kota code or a Bakorwil id, or the code itself. */
    nameOf: (code: string) => names.get(code) ?? code,
    error: kabkota.error ?? bakorwil.error,
  };
}

/**
 * The areas a user works in, widest first: the province sees every Bakorwil and kab/kota, a koordinator their
 * Bakorwil and its kab/kota, an operator their own kab/kota.
 */
export function areasOf(me: SignedInUser, province: ReturnType<typeof useProvinceAreas>): Area[] {
  const scope = me.scope;
  const kabkota = (code: string): Area => ({ kind: 'kabkota', code, label: province.nameOf(code) });
  if (scope.kind === 'bakorwil') {
    const own = province.bakorwil.find((b) => b.id === scope.id);
    return [
      { kind: 'bakorwil', code: scope.id, label: own?.name ?? scope.name },
      ...(own?.members ?? []).map(kabkota),
    ];
  }
  if (scope.code === '35') {
    return [
      ...province.bakorwil.map((b): Area => ({ kind: 'bakorwil', code: b.id, label: b.name })),
      ...province.kabkota.map((k) => kabkota(k.code)),
    ];
  }
  return [kabkota(kabkotaOf(scope.code) ?? scope.code)];
}

/** The status of a lesson in words and colour. */
export function LessonStatusTag(props: { status: LessonStatus }) {
  const t = useT();
  const tone = props.status === 'terbit' ? 'ok' : props.status === 'diajukan' ? 'warn' : 'muted';
  return <Tag tone={tone}>{labelOf(t, 'learn.lesson.status', props.status)}</Tag>;
}

/** The list each kind of record page leads back to. */
const BACK_PATHS = { 'learn.lesson': ROUTES.praktikBaik.path, 'learn.workshop': ROUTES.lokakarya.path };

/**
 * The page of one record opened by its address (a workshop, a lesson): loaded by `load(id)` when `id` changes,
 * kept as the page changes it, its title in the page heading. Until it is there, `standIn` is what the page shows
 * instead: "loading", the error, or that it was not found with the link back to its list (`back`, shown above it
 * too).
 */
export function useRecordPage<T>(props: {
  id: string;
  load: (id: string) => Promise<T>;
  titleOf: (record: T) => string;
  /** Where its words are (`<words>.back`, `<words>.notFound` and `<words>.notFoundBody`), and so its list. */
  words: keyof typeof BACK_PATHS;
}): {
  record: T | undefined;
  setRecord: (record: T) => void;
  reload: () => void;
  back: ComponentChildren;
  standIn: ComponentChildren | undefined;
} {
  const t = useT();
  const { loaded, record, setRecord } = useRecord(() => props.load(props.id), [props.id]);
  const isNotFound = loaded.error?.code === 'not_found';
  useHeading(isNotFound ? t(`${props.words}.notFound`) : record && props.titleOf(record));

  const back = (
    <p>
      <Link href={BACK_PATHS[props.words]} class="learn-inline-link">
        {t(`${props.words}.back`)}
      </Link>
    </p>
  );
  let standIn: ComponentChildren | undefined;
  if (isNotFound) {
    standIn = (
      <>
        <p>{t(`${props.words}.notFoundBody`)}</p>
        {back}
      </>
    );
  } else if (!record) {
    standIn = <StandIn error={loaded.error} Error={LearnError} />;
  }
  return { record, setRecord, reload: loaded.reload, back, standIn };
}
