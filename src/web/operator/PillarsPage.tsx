// Pilar: the kab/kota's registry of social pillars (filters, name search, pages), one person's page with
// their trainings, and the roster import (PillarImport.tsx).

import { useState } from 'preact/hooks';
import type { Lang, MessageKey } from '../../shared/i18n.ts';
import { can } from '../../shared/permissions/index.ts';
import { SearchField, SelectField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { Link } from '../router.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { Section } from '../ui/Section.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import type { OperatorPageProps } from './OperatorPage.tsx';
import type { ListItem } from './operator-api.ts';
import { PillarAccountsSection } from './PillarAccountsSection.tsx';
import { PillarImport } from './PillarImport.tsx';
import { type PillarLabels, pillarLabel, usePillarLists } from './pillar-labels.ts';
import { getPillar, listRegistry, type Pillar } from './pillars-api.ts';
import { DataTable, ErrorNotice, num, Tag, useHeading, useLoad, wib } from './ui.tsx';

const PAGE_SIZE = 20;

/** The path of a pillar's page. */
export function pillarPath(id: string): string {
  return `${ROUTES.pilar.path}/${id}`;
}

/** The registry, or one person's page when the path names them. */
export function PillarsPage(props: OperatorPageProps) {
  const lists = usePillarLists();
  return props.param ? (
    <PillarDetail id={props.param} labels={lists.labels} />
  ) : (
    <div class="op-wide">
      <Registry me={props.me} types={lists.types} skills={lists.skills} labels={lists.labels} />
    </div>
  );
}

/** The registry's filters by pillar type, skill, availability and status; '' is all. */
type Filters = { type: string; skill: string; availability: string; status: string };

function Registry(props: {
  me: OperatorPageProps['me'];
  types: ListItem[];
  skills: ListItem[];
  labels: PillarLabels;
}) {
  const t = useT();
  const lang = useLang();
  const [filters, setFilters] = useState<Filters>({ type: '', skill: '', availability: '', status: '' });
  const { type, skill, availability, status } = filters;
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const q = search.trim().length >= 2 ? search.trim() : '';
  const list = useLoad(
    () => listRegistry({ type, skill, availability, status, q, limit: PAGE_SIZE, offset }),
    [type, skill, availability, status, q, offset],
  );
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];

  const all = { value: '', label: t('op.pillars.all') };
  /** The choice of one filter, "all" first; a change starts again at the first page. */
  const filter = (key: keyof Filters, options: { value: string; label: string }[]) => (
    <SelectField
      id={`pillars-${key}`}
      label={t(`op.pillars.${key}`)}
      value={filters[key]}
      onChange={(value) => {
        setFilters({ ...filters, [key]: value });
        setOffset(0);
      }}
      options={[all, ...options]}
    />
  );
  const optionsOf = (items: readonly ListItem[], kind: 'type' | 'skill') =>
    items.map((item) => ({
      value: item.code,
      label: pillarLabel(lang, props.labels, kind, item.code),
    }));

  return (
    <>
      <p class="lead">{t('purpose.pilar')}</p>
      <PillarImport me={props.me} types={props.types} labels={props.labels} onImported={list.reload} />
      {can(props.me.role, 'pillar.accounts') && <PillarAccountsSection me={props.me} types={props.types} />}
      <Section id="pillars-heading" heading={t('op.pillars.listHeading')}>
        <form class="op-form op-filters" onSubmit={(event) => event.preventDefault()}>
          <SearchField
            id="pillars-q"
            label={t('op.pillars.search')}
            value={search}
            onInput={(value) => {
              setSearch(value);
              setOffset(0);
            }}
          />
          {filter('type', optionsOf(props.types, 'type'))}
          {filter('skill', optionsOf(props.skills, 'skill'))}
          {filter('availability', [
            { value: 'siaga', label: t('op.pillars.availability.siaga') },
            { value: 'libur', label: t('op.pillars.availability.libur') },
          ])}
          {filter('status', [
            { value: 'aktif', label: t('op.pillars.status.aktif') },
            { value: 'nonaktif', label: t('op.pillars.status.nonaktif') },
          ])}
        </form>
        <ErrorNotice error={list.error} />
        <p role="status" class="op-pillars-count">
          {list.isLoading && !list.data
            ? t('common.loading')
            : total === 0
              ? t('op.pillars.none')
              : t('op.pillars.showing', {
                  from: num(offset + 1, lang),
                  to: num(offset + items.length, lang),
                  total: num(total, lang),
                })}
        </p>
        {items.length > 0 && (
          <DataTable
            caption={t('op.pillars.listHeading')}
            columns={[
              t('op.pillars.name'),
              t('op.pillars.type'),
              t('op.pillars.home'),
              t('op.pillars.skills'),
              t('op.pillars.availability'),
              t('op.pillars.nik'),
              t('op.pillars.phone'),
            ]}
          >
            {items.map((pillar) => (
              <tr key={pillar.id}>
                <th scope="row">
                  <Link href={pillarPath(pillar.id)}>{pillar.name}</Link>
                </th>
                <td>{pillarLabel(lang, props.labels, 'type', pillar.pillarType)}</td>
                <td>{pillar.homeRegionName}</td>
                <td>{skillsText(lang, props.labels, pillar.skills)}</td>
                <td>
                  <AvailabilityTag pillar={pillar} />
                </td>
                <td>{pillar.nik ?? '—'}</td>
                <td>{pillar.phone ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {total > PAGE_SIZE && (
          <nav class="op-actions" aria-label={t('op.pillars.pages')}>
            <button
              type="button"
              class="button op-button-secondary"
              disabled={offset === 0 || list.isLoading}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              {t('op.pillars.previous')}
            </button>
            <button
              type="button"
              class="button op-button-secondary"
              disabled={offset + PAGE_SIZE >= total || list.isLoading}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              {t('op.pillars.next')}
            </button>
          </nav>
        )}
        <ExportPanel kind="pillars" role={props.me.role} filters={{ type, status }} />
      </Section>
    </>
  );
}

function skillsText(lang: Lang, labels: PillarLabels, skills: readonly string[]): string {
  return skills.length ? skills.map((code) => pillarLabel(lang, labels, 'skill', code)).join(', ') : '—';
}

function AvailabilityTag(props: { pillar: Pillar }) {
  const t = useT();
  const { pillar } = props;
  return (
    <>
      <Tag tone={pillar.currentAvailability === 'siaga' ? 'ok' : 'muted'}>
        {t(`op.pillars.availability.${pillar.currentAvailability}` as MessageKey)}
      </Tag>{' '}
      {pillar.status === 'nonaktif' && <Tag tone="warn">{t('op.pillars.status.nonaktif')}</Tag>}
    </>
  );
}

/** One person's page: identity (masked as the server sends it), home, skills and trainings. */
function PillarDetail(props: { id: string; labels: PillarLabels }) {
  const t = useT();
  const lang = useLang();
  const pillar = useLoad(() => getPillar(props.id), [props.id]);
  const person = pillar.data;
  useHeading(person?.name);
  return (
    <div class="op-wide">
      <p>
        <Link href={ROUTES.pilar.path}>{t('op.pillars.back')}</Link>
      </p>
      <ErrorNotice error={pillar.error} />
      {!person && pillar.isLoading && (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {person && (
        <>
          <Section id="pillar-facts" heading={t('op.pillars.facts')}>
            <dl class="op-facts">
              <dt>{t('op.pillars.type')}</dt>
              <dd>{pillarLabel(lang, props.labels, 'type', person.pillarType)}</dd>
              <dt>{t('op.pillars.home')}</dt>
              <dd>
                {person.homeRegionName} ({person.homeRegionCode})
              </dd>
              <dt>{t('op.pillars.availability')}</dt>
              <dd>
                <AvailabilityTag pillar={person} />
                {person.availabilityUntil && (
                  <> {t('op.pillars.until', { time: wib(person.availabilityUntil, lang) })}</>
                )}
              </dd>
              <dt>{t('op.pillars.status')}</dt>
              <dd>{t(`op.pillars.status.${person.status}` as MessageKey)}</dd>
              <dt>{t('op.pillars.skills')}</dt>
              <dd>{skillsText(lang, props.labels, person.skills)}</dd>
              <dt>{t('op.pillars.nik')}</dt>
              <dd>{person.nik ?? '—'}</dd>
              <dt>{t('op.pillars.phone')}</dt>
              <dd>{person.phone ?? '—'}</dd>
              <dt>{t('op.pillars.account')}</dt>
              <dd>{t(person.userId ? 'op.pillars.hasAccount' : 'op.pillars.noAccount')}</dd>
              <dt>{t('op.pillars.updated')}</dt>
              <dd>{wib(person.updatedAt, lang)}</dd>
            </dl>
          </Section>
          <Section id="pillar-trainings" heading={t('op.pillars.trainings')}>
            <ItemsTable
              caption={t('op.pillars.trainings')}
              columns={[t('op.pillars.training'), t('op.pillars.trainingDate'), t('op.pillars.certificate')]}
              items={person.trainings}
              empty={t('op.pillars.noTrainings')}
              row={(training, index) => (
                <tr key={`${training.name}-${index}`}>
                  <th scope="row">{training.name}</th>
                  <td>{training.date ?? '—'}</td>
                  <td>{training.certificateNumber ?? '—'}</td>
                </tr>
              )}
            />
          </Section>
        </>
      )}
    </div>
  );
}
