// Finding lessons: the Indonesian full-text search (stemmed, ranked, matched words highlighted) with filters
// by conflict type, kab/kota and tag; and the short lists of drafts and of lessons awaiting review.
import { useState } from 'preact/hooks';
import { isLessonHit, type Lesson, type LessonHit } from '../../shared/lessons/lesson-rules.ts';
import { CONFLICT_TYPES } from '../../shared/reports/report-vocabulary.ts';
import { InputField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { useLoad, wib } from '../operator/ui.tsx';
import { Link } from '../router.tsx';
import { Section } from '../ui/Section.tsx';
import { type LessonQuery, listLessons, listLessonTags } from './learning-api.ts';
import { Highlighted, LearnError, LessonStatusTag, labelOf, useProvinceAreas } from './learning-ui.tsx';

const pathOf = (id: string) => `${ROUTES.praktikBaik.path}/${id}`;

/** What the address asks for: `/praktik-baik?q=…&tag=…` (a tag on a lesson's page links here). */
function initialQuery(): { q: string; type: string; region: string; tag: string } {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    region: params.get('region') ?? '',
    tag: params.get('tag') ?? '',
  };
}

function LessonCard(props: {
  item: Lesson | LessonHit;
  showStatus?: boolean;
  tag?: string;
  onTag?: (tag: string) => void;
}) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const hit = isLessonHit(item) ? item : undefined;
  return (
    <li class="learn-card">
      <h3 data-user-text>
        <Link href={pathOf(item.id)}>{hit ? <Highlighted passage={hit.titleHighlight} /> : item.title}</Link>
      </h3>
      <p class="op-tags">
        {props.showStatus && <LessonStatusTag status={item.status} />}
        <span class="learn-meta">
          {labelOf(t, 'field.conflictType', item.conflictType)} · {item.regionName} ·{' '}
          {wib(item.publishedAt ?? item.updatedAt, lang)}
        </span>
      </p>
      <p class="learn-excerpt">
        {hit ? (
          <Highlighted passage={hit.excerpt} />
        ) : (
          `${item.situation.slice(0, 220)}${item.situation.length > 220 ? '…' : ''}`
        )}
      </p>
      {props.onTag && item.tags.length > 0 && (
        <p class="op-tags">
          {item.tags.map((tag) => (
            <button
              key={tag}
              type="button"
              class="learn-tag-button"
              data-user-text
              aria-pressed={props.tag === tag}
              aria-label={t('learn.search.byTag', { tag })}
              onClick={() => props.onTag?.(props.tag === tag ? '' : tag)}
            >
              {tag}
            </button>
          ))}
        </p>
      )}
    </li>
  );
}

/** A short list: one's drafts, or what awaits review (hidden while empty after loading). */
export function LessonQueue(props: {
  id: string;
  heading: string;
  empty: string;
  query: LessonQuery;
  excludeAuthor?: string;
  hidePublished?: boolean;
}) {
  const list = useLoad(() => listLessons({ ...props.query, limit: 50 }), []);
  const items = (list.data?.items ?? []).filter(
    (item) => item.authorId !== props.excludeAuthor && !(props.hidePublished && item.status === 'terbit'),
  );
  return (
    <Section id={props.id} heading={props.heading}>
      <LearnError error={list.error} />
      {list.data && items.length === 0 && <p>{props.empty}</p>}
      <ul class="learn-list">
        {items.map((item) => (
          <LessonCard key={item.id} item={item} showStatus />
        ))}
      </ul>
    </Section>
  );
}

/** The search over published lessons. */
export function LessonSearch() {
  const t = useT();
  const province = useProvinceAreas();
  const start = initialQuery();
  const [text, setText] = useState(start.q);
  const [q, setQ] = useState(start.q);
  const [type, setType] = useState(start.type);
  const [region, setRegion] = useState(start.region);
  const [tag, setTag] = useState(start.tag);
  const query = q.trim().length >= 2 ? q.trim() : undefined;
  const key = JSON.stringify([query, type, region, tag]);
  const results = useLoad(
    () => listLessons({ q: query, type, region, tag, limit: 30 }).then((list) => ({ key, ...list })),
    [key],
  );
  const tags = useLoad(() => listLessonTags().then((r) => r.items), []);
  const items = results.data?.items ?? [];
  // The previous results stay on screen while new ones load; the count speaks only of the current search.
  const isCurrent = results.data?.key === key && !results.isLoading;

  const tagOptions = (tags.data ?? []).map((item) => ({
    value: item.tag,
    label: `${item.tag} (${item.count})`,
  }));
  if (tag && !tagOptions.some((o) => o.value === tag)) tagOptions.unshift({ value: tag, label: tag });

  let summary = '';
  if (!isCurrent && !results.error) summary = t('common.loading');
  else if (results.data) {
    summary =
      items.length === 0
        ? t(query ? 'learn.search.noneFound' : 'learn.search.nonePublished')
        : items.length === 1
          ? t(query ? 'learn.search.foundOne' : 'learn.search.latestOne')
          : t(query ? 'learn.search.found' : 'learn.search.latest', { count: items.length });
  }

  return (
    <Section id="lessons-search" heading={t('learn.search.heading')}>
      <form
        class="op-form"
        aria-labelledby="lessons-search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(text);
        }}
      >
        <div class="op-inline-form">
          <InputField
            id="lessons-q"
            label={t('learn.search.words')}
            hint={t('learn.search.hint')}
            type="search"
            value={text}
            onInput={setText}
          />
          <button type="submit" class="button button-primary">
            {t('learn.search.submit')}
          </button>
        </div>
        <div class="op-filters">
          <SelectField
            id="lessons-type"
            label={t('learn.lesson.conflictType')}
            value={type}
            onChange={setType}
            options={[
              { value: '', label: t('learn.search.all') },
              ...CONFLICT_TYPES.map((code) => ({
                value: code,
                label: labelOf(t, 'field.conflictType', code),
              })),
            ]}
          />
          <SelectField
            id="lessons-region"
            label={t('learn.lesson.kabkota')}
            value={region}
            onChange={setRegion}
            options={[
              { value: '', label: t('learn.search.allRegions') },
              ...province.kabkota.map((k) => ({ value: k.code, label: k.name })),
            ]}
          />
          <SelectField
            id="lessons-tag"
            label={t('learn.lesson.tag')}
            value={tag}
            onChange={setTag}
            options={[{ value: '', label: t('learn.search.all') }, ...tagOptions]}
          />
        </div>
      </form>
      <LearnError error={results.error} />
      <p role="status">
        {summary}
        {isCurrent &&
          results.data?.matchedAllWords === false &&
          items.length > 0 &&
          ` ${t('learn.search.anyWord')}`}
      </p>
      <ul class="learn-list">
        {items.map((item) => (
          <LessonCard key={item.id} item={item} tag={tag} onTag={setTag} />
        ))}
      </ul>
    </Section>
  );
}
