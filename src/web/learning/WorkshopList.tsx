// The workshops a user sees: this quarter's routine per Bakorwil (with the reminder when one is missing),
// the action items they own, the plan form, and the workshops to come and those held.

import { useEffect, useRef, useState } from 'preact/hooks';
import { periodLabel } from '../../shared/evaluation/period.ts';
import { can } from '../../shared/permissions/index.ts';
import type { WorkshopRoutine, WorkshopSummary } from '../../shared/workshops/workshop-rules.ts';
import type { SignedInUser } from '../api.ts';
import { useLang, useT } from '../lang.ts';
import { ROUTES } from '../nav.ts';
import { Loading, Tag, useLoad, useNow, wib } from '../operator/ui.tsx';
import { Link, navigate } from '../router.tsx';
import { Section } from '../ui/Section.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import { getRoutine, listMyActions, listWorkshops } from './learning-api.ts';
import { areasOf, LearnError, labelOf, useProvinceAreas } from './learning-ui.tsx';
import { MyActions } from './WorkshopActions.tsx';
import { WorkshopForm } from './WorkshopForm.tsx';

/** The path of a workshop's page. */
export function workshopPath(id: string): string {
  return `${ROUTES.lokakarya.path}/${id}`;
}

export function WorkshopList(props: { me: SignedInUser }) {
  const t = useT();
  const now = useNow(60_000);
  const province = useProvinceAreas();
  const areas = areasOf(props.me, province);
  const list = useLoad(() => listWorkshops().then((r) => r.items), []);
  const routine = useLoad(getRoutine, []);
  const mine = useLoad(() => listMyActions().then((r) => r.items), []);
  const [planArea, setPlanArea] = useState<string | undefined>();
  const canPlan = can(props.me.role, 'workshop.organise');
  const planButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (planArea !== undefined) document.getElementById('workshop-plan-title')?.focus();
  }, [planArea]);

  const items = list.data ?? [];
  const upcoming = items
    .filter((w) => new Date(w.startsAt).getTime() >= now.getTime() - 3 * 3_600_000)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((w) => !upcoming.includes(w));

  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.lokakarya')}</p>
      {routine.data && (
        <RoutineSection
          routine={routine.data}
          canPlan={canPlan}
          onPlan={(bakorwilId) => setPlanArea(`bakorwil:${bakorwilId}`)}
        />
      )}
      <LearnError error={routine.error} />
      <MyActions items={mine.data ?? []} error={mine.error} onChanged={mine.reload} />
      {canPlan && planArea === undefined && (
        <p class="op-actions">
          <button
            ref={planButton}
            type="button"
            class="button button-primary"
            disabled={areas.length === 0}
            onClick={() => setPlanArea(areas[0] ? `${areas[0].kind}:${areas[0].code}` : '')}
          >
            {t('learn.workshop.planButton')}
          </button>
        </p>
      )}
      {canPlan && planArea !== undefined && (
        <section>
          <WorkshopForm
            key={planArea}
            areas={areas}
            initialArea={planArea || undefined}
            onSaved={(saved) => navigate(workshopPath(saved.id))}
            onCancel={() => {
              setPlanArea(undefined);
              setTimeout(() => planButton.current?.focus(), 0);
            }}
          />
        </section>
      )}
      <LearnError error={list.error} />
      {!list.data && list.isLoading && <Loading />}
      <WorkshopSection
        id="workshops-upcoming"
        heading={t('learn.workshop.upcoming')}
        none={t('learn.workshop.noneUpcoming')}
        items={list.data && upcoming}
      />
      <WorkshopSection
        id="workshops-past"
        heading={t('learn.workshop.past')}
        none={t('learn.workshop.nonePast')}
        items={list.data && past}
      />
    </div>
  );
}

/** A heading and its workshops (undefined while the list is on its way), or the line that says there are none. */
function WorkshopSection(props: {
  id: string;
  heading: string;
  none: string;
  items: WorkshopSummary[] | undefined;
}) {
  return (
    <Section id={props.id} heading={props.heading}>
      {props.items?.length === 0 && <p>{props.none}</p>}
      <ul class="learn-list">
        {props.items?.map((w) => (
          <WorkshopCard key={w.id} item={w} />
        ))}
      </ul>
    </Section>
  );
}

/** Each Bakorwil in sight: its workshops this quarter, or the reminder that there is none yet. */
function RoutineSection(props: {
  routine: WorkshopRoutine;
  canPlan: boolean;
  onPlan: (bakorwilId: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { routine } = props;
  if (routine.areas.length === 0) return null;
  const quarter = periodLabel(routine.quarter, lang);
  const previous = periodLabel(routine.previousQuarter, lang);
  return (
    <Section id="workshops-routine" heading={t('learn.routine.heading', { quarter })}>
      <p class="hint">{t('learn.routine.why')}</p>
      {routine.areas.map((area) =>
        area.workshopsThisQuarter === 0 ? (
          <div key={area.bakorwilId} class="learn-reminder">
            <p>
              <strong>{t('learn.routine.missing', { area: area.name, quarter })}</strong>
            </p>
            {area.reminder && (
              <p>
                {t('learn.routine.reminded', {
                  previous,
                  when: wib(area.reminder.sentAt, lang),
                })}
              </p>
            )}
            {props.canPlan && area.canPlan && (
              <SmallButton onClick={() => props.onPlan(area.bakorwilId)}>
                {t('learn.routine.plan', { area: area.name })}
              </SmallButton>
            )}
          </div>
        ) : (
          <p key={area.bakorwilId} class="learn-ok">
            {t('learn.routine.planned', { area: area.name, count: area.workshopsThisQuarter, quarter })}
          </p>
        ),
      )}
    </Section>
  );
}

function WorkshopCard(props: { item: WorkshopSummary }) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const tone = item.status === 'batal' ? 'muted' : item.status === 'terlaksana' ? 'ok' : 'brand';
  return (
    <li class="learn-card">
      <h3 data-user-text>
        <Link href={workshopPath(item.id)}>{item.topic}</Link>
      </h3>
      <p class="op-tags">
        <Tag tone={tone}>{labelOf(t, 'learn.workshop.status', item.status)}</Tag>
        {item.overdueActionCount > 0 && (
          <Tag tone="danger">{t('learn.workshop.overdueActions', { count: item.overdueActionCount })}</Tag>
        )}
      </p>
      <p>
        <time dateTime={item.startsAt}>{wib(item.startsAt, lang)}</time> · {item.place} · {item.areaName}
      </p>
      <p class="learn-meta">
        {t('learn.workshop.counts', {
          invited: item.participantCount,
          attended: item.attendedCount,
          open: item.openActionCount,
        })}
      </p>
    </li>
  );
}
