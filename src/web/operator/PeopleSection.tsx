// The vulnerable people of a case: counts by group, the named people (masked unless the viewer handles the
// case), their referrals to services with the moves the shared rule allows, and the forms to add them.
// Personal data lives in component state only: never in localStorage, IndexedDB or the service worker.
import { useEffect, useState } from 'preact/hooks';
import {
  isChild,
  isReferralOpen,
  nextReferralStatuses,
  PEOPLE_TEXT,
  type ReferralStatus,
} from '../../shared/cases/people-rules.ts';
import type { ReferralView, VulnerablePersonView } from '../../shared/cases/people-schema.ts';
import { VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import { lengthAttributes } from '../../shared/text-length.ts';
import { InputField } from '../fields.tsx';
import { useLang, useT } from '../lang.ts';
import { ActionButton } from '../ui/ActionButton.tsx';
import { Section } from '../ui/Section.tsx';
import { SmallButton } from '../ui/SmallButton.tsx';
import {
  ageBandLabel,
  groupLabel,
  referralServiceLabel,
  referralStatusLabel,
  vulnerableColumns,
} from './labels.ts';
import {
  type CaseView,
  getVulnerableSummary,
  listPeople,
  listReferrals,
  updateReferral,
} from './operator-api.ts';
import { PersonForm, ReferralForm } from './PeopleForms.tsx';
import { DataTable, DoneNotice, Due, ErrorNotice, num, Tag, useAction, useLoad, useNow, wib } from './ui.tsx';

type Props = {
  item: CaseView;
  /** The API lets this viewer record people and referrals (handlers; the province and admins). */
  canAct: boolean;
  version: number;
  onChanged: () => void;
};

/** The statuses a follow-up moves a referral to (it starts as dirujuk). */
type FollowUpStatus = Exclude<ReferralStatus, 'dirujuk'>;

/** Which form is open: one at a time, so the page stays readable. */
type OpenForm = { kind: 'add' } | { kind: 'edit' | 'refer'; personId: string };

/** Vulnerable people by group, the named ones, and their referrals; forms for those the API lets act. */
export function PeopleSection(props: Props) {
  const { item } = props;
  const t = useT();
  const lang = useLang();
  const deps = [item.id, props.version];
  const summary = useLoad(() => getVulnerableSummary(item.id), deps);
  const people = useLoad(() => listPeople(item.id).then((r) => r.items), deps);
  const referrals = useLoad(() => listReferrals(item.id).then((r) => r.items), deps);
  const [open, setOpen] = useState<OpenForm | undefined>();
  const [returnTo, setReturnTo] = useState<string | undefined>();
  const [done, setDone] = useState('');

  // A closed form hands the focus back to the button that opened it.
  useEffect(() => {
    if (!open && returnTo) document.getElementById(returnTo)?.focus();
  }, [open, returnTo]);

  const groups = summary.data?.groups.filter((g) => g.harmed + g.displaced + g.atRisk + g.named > 0) ?? [];
  const isOpenCase = item.phase !== 'selesai';
  const canAdd = props.canAct && isOpenCase;

  /** The id and the click of a button that opens `form`; the focus comes back to it once the form closes. */
  const opens = (form: OpenForm, id: string) => ({
    id,
    onClick: () => {
      setDone('');
      setReturnTo(id);
      setOpen(form);
    },
  });
  function saved(message: string) {
    setOpen(undefined);
    setDone(message);
    props.onChanged();
  }

  return (
    <Section id="people-heading" heading={t('op.people.heading')}>
      <ErrorNotice error={summary.error ?? people.error ?? referrals.error} />
      {summary.data &&
        (groups.length === 0 ? (
          <p>{t('op.people.noneCounted')}</p>
        ) : (
          <DataTable
            caption={t('op.people.summaryCaption')}
            isCaptionShown
            isScrolling={false}
            columns={[...vulnerableColumns(t), t('op.people.named')]}
          >
            {VULNERABLE_GROUPS.map((group) => groups.find((g) => g.group === group))
              .filter((g) => g !== undefined)
              .map((g) => (
                <tr key={g.group}>
                  <th scope="row">{groupLabel(t, g.group)}</th>
                  <td>{num(g.harmed, lang)}</td>
                  <td>{num(g.displaced, lang)}</td>
                  <td>{num(g.atRisk, lang)}</td>
                  <td>{num(g.named, lang)}</td>
                </tr>
              ))}
          </DataTable>
        ))}

      <DoneNotice message={done} />
      {!props.canAct && <p class="hint">{t('op.people.notHandler')}</p>}
      {canAdd &&
        (open?.kind === 'add' ? (
          <PersonForm
            caseId={item.id}
            onSaved={(name) => saved(t('op.people.added', { name }))}
            onCancel={() => setOpen(undefined)}
          />
        ) : (
          <p>
            <button
              type="button"
              class="button op-button-secondary"
              {...opens({ kind: 'add' }, 'person-add-open')}
            >
              {t('op.people.addOpen')}
            </button>
          </p>
        ))}

      {people.data && (
        <>
          <h3>{t('op.people.namedHeading')}</h3>
          {people.data.length === 0 && <p>{t('op.people.noneNamed')}</p>}
          {people.data.some((p) => p.isMasked) && <p class="hint">{t('op.people.maskedHint')}</p>}
          <ul class="op-plain-list">
            {people.data.map((person) => (
              <li key={person.id} class="op-card">
                <PersonFacts person={person} />
                {open?.kind === 'edit' && open.personId === person.id ? (
                  <PersonForm
                    caseId={item.id}
                    person={person}
                    onSaved={(name) => saved(t('op.people.updated', { name }))}
                    onCancel={() => setOpen(undefined)}
                  />
                ) : open?.kind === 'refer' && open.personId === person.id ? (
                  <ReferralForm
                    caseId={item.id}
                    person={person}
                    onSaved={saved}
                    onCancel={() => setOpen(undefined)}
                  />
                ) : (
                  canAdd && (
                    <div class="op-actions">
                      {item.isHandler && !person.isMasked && (
                        <SmallButton
                          {...opens({ kind: 'edit', personId: person.id }, `person-edit-${person.id}`)}
                        >
                          {t('op.people.edit', { name: person.fullName })}
                        </SmallButton>
                      )}
                      <SmallButton
                        {...opens({ kind: 'refer', personId: person.id }, `person-refer-${person.id}`)}
                      >
                        {t('op.referral.open', { name: person.fullName })}
                      </SmallButton>
                    </div>
                  )
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {referrals.data && referrals.data.length > 0 && (
        <Referrals
          items={referrals.data}
          people={people.data ?? []}
          canAct={props.canAct}
          onMoved={(message) => {
            setDone(message);
            props.onChanged();
          }}
        />
      )}
    </Section>
  );
}

/** One person as the viewer may see them: everything for handlers, initials and an age band otherwise. */
function PersonFacts(props: { person: VulnerablePersonView }) {
  const { person } = props;
  const t = useT();
  return (
    <>
      <strong>{person.fullName}</strong> {person.isMasked && <Tag tone="muted">{t('op.people.masked')}</Tag>}{' '}
      · {groupLabel(t, person.group)} ·{' '}
      {person.age !== null ? t('op.people.age', { age: person.age }) : ageBandLabel(t, person.ageBand)}
      {person.nik && <span class="op-code"> · NIK {person.nik}</span>}
      {person.needs.length > 0 && <p class="hint">{person.needs.join(', ')}</p>}
      {person.guardianName && <p class="hint">{t('op.people.guardian', { name: person.guardianName })}</p>}
      {isChild(person) && person.guardianConsent && <p class="hint">{t('op.people.consentGiven')}</p>}
    </>
  );
}

/** Referrals, overdue ones first, each with a button per move the shared rule allows. */
function Referrals(props: {
  items: ReferralView[];
  people: VulnerablePersonView[];
  canAct: boolean;
  onMoved: (message: string) => void;
}) {
  const t = useT();
  const rank = (r: ReferralView) => (r.isOverdue ? 0 : isReferralOpen(r.status) ? 1 : 2);
  const sorted = [...props.items].sort((a, b) => rank(a) - rank(b));
  const overdue = props.items.filter((r) => r.isOverdue).length;
  return (
    <>
      <h3>{t('op.people.referrals')}</h3>
      {overdue > 0 && (
        <p>
          <Tag tone="danger">{t('op.referral.overdueCount', { count: overdue })}</Tag>
        </p>
      )}
      <ul class="op-plain-list">
        {sorted.map((r) => (
          <ReferralCard
            key={r.id}
            referral={r}
            personName={props.people.find((p) => p.id === r.personId)?.fullName}
            canAct={props.canAct}
            onMoved={props.onMoved}
          />
        ))}
      </ul>
    </>
  );
}

function ReferralCard(props: {
  referral: ReferralView;
  personName: string | undefined;
  canAct: boolean;
  onMoved: (message: string) => void;
}) {
  const { referral: r } = props;
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const action = useAction();
  const [note, setNote] = useState('');
  const moves = nextReferralStatuses(r.status).filter((s): s is FollowUpStatus => s !== 'dirujuk');
  const service = referralServiceLabel(t, r.service);
  const who = props.personName ?? groupLabel(t, r.group);

  async function move(to: FollowUpStatus) {
    const ok = await action.run(() => updateReferral(r.id, { status: to, note: note.trim() }));
    if (ok) {
      setNote('');
      props.onMoved(t('op.referral.moved', { service, name: who, status: referralStatusLabel(t, to) }));
    }
  }

  return (
    <li class="op-card">
      <strong>{service}</strong> · {r.provider} ·{' '}
      <Tag tone={r.status === 'selesai' ? 'ok' : r.isOverdue ? 'danger' : 'muted'}>
        {referralStatusLabel(t, r.status)}
      </Tag>{' '}
      {r.isOverdue && <Tag tone="danger">{t('op.people.overdue')}</Tag>}
      <p class="hint">
        {t('op.referral.for', { name: who })} · {groupLabel(t, r.group)}
      </p>
      {r.status === 'batal' ? (
        <p class="hint">{t('op.people.referralDue', { when: wib(r.dueAt, lang) })}</p>
      ) : (
        <Due label={t('op.referral.dueLabel')} dueAt={r.dueAt} metAt={r.completedAt} now={now} />
      )}
      {r.note && <p>{r.note}</p>}
      {r.handover && (
        <p>
          {t('op.referral.handover', {
            to: r.handover.handedTo,
            by: r.handover.followUpBy,
            when: wib(r.handover.at, lang),
          })}
        </p>
      )}
      {props.canAct && moves.length > 0 && (
        <fieldset class="op-fieldset">
          <legend class="visually-hidden">{t('op.referral.movesLabel', { service, name: who })}</legend>
          <InputField
            id={`referral-note-${r.id}`}
            label={t('op.referral.note')}
            {...lengthAttributes(PEOPLE_TEXT.referralNote)}
            value={note}
            onInput={setNote}
          />
          <div class="op-actions">
            {moves.map((to) => (
              <ActionButton
                key={to}
                label={t(`op.referral.moveTo.${to}`)}
                isBusy={action.isBusy}
                onClick={() => move(to)}
                class={`button op-button-small ${to === 'batal' ? 'op-button-secondary' : 'button-primary'}`}
              />
            ))}
          </div>
        </fieldset>
      )}
      <ErrorNotice error={action.error} />
    </li>
  );
}
