// Who is invited to a workshop and who came: invitations by role and region, by pillar type, or by name
// from the pillar registry; attendance recorded per person.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  ATTENDANCES,
  type AttendanceCode,
  type WorkshopParticipant,
  type WorkshopView,
} from '../../shared/workshops/workshop-rules.ts';
import { CheckList, SearchField, SelectField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { listPillarTypes } from '../operator/operator-api.ts';
import { listRegistry } from '../operator/pillars-api.ts';
import { DoneNotice, useAction, useLoad } from '../operator/ui.tsx';
import { ItemsTable } from '../ui/DataTable.tsx';
import { Section } from '../ui/Section.tsx';
import { type Invitation, inviteParticipants, recordAttendance } from './learning-api.ts';
import { LearnError, labelOf, type useProvinceAreas } from './learning-ui.tsx';

const INVITED_ROLES = ['operator', 'koordinator', 'relawan', 'provinsi'] as const;
type InvitedRole = (typeof INVITED_ROLES)[number];
const isInvitedRole = (value: string): value is InvitedRole =>
  (INVITED_ROLES as readonly string[]).includes(value);

type Props = {
  workshop: WorkshopView;
  province: ReturnType<typeof useProvinceAreas>;
  onChanged: (view: WorkshopView) => void;
};

/** One way to invite, named by its title: whom and which region, side by side, then its send button. */
function InviteForm(props: {
  id: string;
  title: string;
  submitLabel: string;
  isBusy: boolean;
  onSend: () => void;
  /** The kab/kota the invitation reaches ('' the workshop's whole area), chosen after `children`. */
  region: {
    id: string;
    value: string;
    onChange: (value: string) => void;
    options: { value: string; label: string }[];
  };
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <form
      class="op-form"
      aria-labelledby={`${props.id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSend();
      }}
    >
      <h4 id={`${props.id}-title`}>{props.title}</h4>
      <div class="op-grid-form">
        {props.children}
        <SelectField label={t('learn.invite.region')} {...props.region} />
      </div>
      <button type="submit" class="button button-primary" disabled={props.isBusy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

/** The kab/kota of the workshop's area. */
function areaKabkota(workshop: WorkshopView, province: Props['province']): string[] {
  if (workshop.kabkotaCode) return [workshop.kabkotaCode];
  return province.bakorwil.find((b) => b.id === workshop.bakorwilId)?.members ?? [];
}

export function ParticipantsSection(props: Props) {
  const { workshop } = props;
  const t = useT();
  const types = useLoad(() => listPillarTypes().then((r) => r.items), []);
  const typeLabels = new Map((types.data ?? []).map((item) => [item.code, item.label]));
  const attended = workshop.participants.filter((p) => p.attendance === 'hadir').length;
  const absent = workshop.participants.filter((p) => p.attendance === 'tidak_hadir').length;
  const roleOf = (p: WorkshopParticipant) =>
    p.userId ? labelOf(t, 'role', p.roleLabel) : (typeLabels.get(p.roleLabel) ?? p.roleLabel);

  return (
    <Section id="workshop-participants" heading={t('learn.participants.heading')}>
      <p>
        {t('learn.participants.summary', {
          invited: workshop.participants.length,
          attended,
          absent,
        })}
      </p>
      <ItemsTable
        caption={t('learn.participants.heading')}
        columns={[
          t('learn.participants.name'),
          t('learn.participants.role'),
          t('learn.participants.kabkota'),
          t('learn.participants.attendance'),
        ]}
        tableClass="learn-table"
        items={workshop.participants}
        empty={t('learn.participants.none')}
        row={(p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{roleOf(p)}</td>
            <td>{p.kabkotaCode ? props.province.nameOf(p.kabkotaCode) : '—'}</td>
            <td>
              {workshop.canManage ? (
                <AttendanceChoice workshop={workshop} participant={p} onChanged={props.onChanged} />
              ) : (
                labelOf(t, 'learn.attendance', p.attendance)
              )}
            </td>
          </tr>
        )}
      />
      {workshop.canManage && (
        <InviteForms
          {...props}
          pillarTypes={types.data ?? []}
          hasRegistry={!types.error}
          kabkota={areaKabkota(workshop, props.province)}
        />
      )}
    </Section>
  );
}

function AttendanceChoice(props: {
  workshop: WorkshopView;
  participant: WorkshopParticipant;
  onChanged: (view: WorkshopView) => void;
}) {
  const t = useT();
  const action = useAction();
  const { participant } = props;
  return (
    <>
      <label class="visually-hidden" for={`attendance-${participant.id}`}>
        {t('learn.participants.attendanceOf', { name: participant.name })}
      </label>
      <select
        id={`attendance-${participant.id}`}
        value={participant.attendance}
        disabled={action.isBusy}
        onChange={async (event) => {
          const value = (event.currentTarget as HTMLSelectElement).value as AttendanceCode;
          let view: WorkshopView | undefined;
          const ok = await action.run(async () => {
            view = await recordAttendance(props.workshop.id, participant.id, value);
          });
          if (ok && view) props.onChanged(view);
        }}
      >
        {ATTENDANCES.map((code) => (
          <option key={code} value={code}>
            {labelOf(t, 'learn.attendance', code)}
          </option>
        ))}
      </select>
      <LearnError error={action.error} />
    </>
  );
}

function InviteForms(
  props: Props & { pillarTypes: { code: string; label: string }[]; hasRegistry: boolean; kabkota: string[] },
) {
  const t = useT();
  const action = useAction();
  const [result, setResult] = useState('');
  const [role, setRole] = useState<InvitedRole>('operator');
  const [roleRegion, setRoleRegion] = useState('');
  const [pillarType, setPillarType] = useState('');
  const [pillarRegion, setPillarRegion] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const query = search.trim();
  const found = useLoad(
    () =>
      query.length >= 2
        ? listRegistry({ q: query, status: 'aktif', limit: 20, offset: 0 }).then((r) => r.items)
        : Promise.resolve([]),
    [query],
  );
  const regions = [
    { value: '', label: t('learn.invite.wholeArea') },
    ...props.kabkota.map((code) => ({ value: code, label: props.province.nameOf(code) })),
  ];
  const type = pillarType || props.pillarTypes[0]?.code || '';

  async function invite(invitation: Invitation) {
    const before = props.workshop.participants.length;
    let view: WorkshopView | undefined;
    if (await action.run(async () => (view = await inviteParticipants(props.workshop.id, invitation)))) {
      if (!view) return;
      setResult(t('learn.invite.done', { count: view.participants.length - before }));
      props.onChanged(view);
    }
  }

  return (
    <>
      <h3>{t('learn.invite.heading')}</h3>
      <DoneNotice message={result} />
      <LearnError error={action.error} />
      <InviteForm
        id="invite-users"
        title={t('learn.invite.users')}
        submitLabel={t('learn.invite.usersSubmit')}
        isBusy={action.isBusy}
        onSend={() => invite({ users: { role, region: roleRegion || undefined } })}
        region={{ id: 'invite-role-region', value: roleRegion, onChange: setRoleRegion, options: regions }}
      >
        <SelectField
          id="invite-role"
          label={t('learn.invite.role')}
          value={role}
          onChange={(value) => isInvitedRole(value) && setRole(value)}
          options={INVITED_ROLES.map((code) => ({ value: code, label: labelOf(t, 'role', code) }))}
        />
      </InviteForm>
      {props.hasRegistry && props.pillarTypes.length > 0 && (
        <InviteForm
          id="invite-pillars"
          title={t('learn.invite.pillars')}
          submitLabel={t('learn.invite.pillarsSubmit')}
          isBusy={action.isBusy}
          onSend={() => invite({ pillars: { pillarType: type, kabkotaCode: pillarRegion || undefined } })}
          region={{
            id: 'invite-pillar-region',
            value: pillarRegion,
            onChange: setPillarRegion,
            options: regions,
          }}
        >
          <SelectField
            id="invite-pillar-type"
            label={t('learn.invite.pillarType')}
            value={type}
            onChange={setPillarType}
            options={props.pillarTypes.map((item) => ({ value: item.code, label: item.label }))}
          />
        </InviteForm>
      )}
      {props.hasRegistry && (
        <form
          class="op-form"
          aria-labelledby="invite-named-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen.length === 0) return;
            void invite({ pillarIds: chosen }).then(() => setChosen([]));
          }}
        >
          <h4 id="invite-named-title">{t('learn.invite.named')}</h4>
          <SearchField
            id="invite-search"
            label={t('learn.invite.search')}
            value={search}
            onInput={setSearch}
          />
          <LearnError error={found.error} />
          {query.length >= 2 && found.data && (
            <fieldset class="op-radios">
              <legend>{t('learn.invite.found', { count: found.data.length })}</legend>
              <CheckList
                options={found.data.map((pillar) => ({
                  value: pillar.id,
                  label: `${pillar.name} · ${typeLabelOf(props.pillarTypes, pillar.pillarType)} · ${pillar.homeRegionName}`,
                }))}
                selected={chosen}
                onChange={setChosen}
              />
            </fieldset>
          )}
          <button type="submit" class="button button-primary" disabled={action.isBusy || chosen.length === 0}>
            {t('learn.invite.namedSubmit', { count: chosen.length })}
          </button>
        </form>
      )}
    </>
  );
}

function typeLabelOf(types: { code: string; label: string }[], code: string): string {
  return types.find((item) => item.code === code)?.label ?? code;
}
