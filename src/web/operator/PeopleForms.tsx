// The forms of the vulnerable-people section: recording or correcting a named person (a child only with a
// guardian's consent, by the shared rule the server applies too) and referring a person to a service.
// Nothing typed here is kept on the device: the forms hold it in memory until the server has it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isChild, PEOPLE_TEXT, REFERRAL_SERVICES, refusePerson } from '../../shared/cases/people-rules.ts';
import type { PersonInput, VulnerablePersonView } from '../../shared/cases/people-schema.ts';
import type { VulnerableGroup } from '../../shared/reports/report-schema.ts';
import { VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import { isTooShort } from '../../shared/text-length.ts';
import { wibInputToIso } from '../../shared/time.ts';
import { useDraft } from '../draft.ts';
import { DateTimeField, InputField, SelectField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { groupLabel, referralServiceLabel } from './labels.ts';
import { addPerson, referPerson, updatePerson } from './operator-api.ts';
import { ErrorNotice, FormSubmit, useAction, useClientId, wibInputIn } from './ui.tsx';

const NIK_PATTERN = /^\d{16}$/;

/** Adds a person (no `person`) or corrects one; `onSaved` gets the saved name for the success message. */
export function PersonForm(props: {
  caseId: string;
  person?: VulnerablePersonView;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { person } = props;
  const prefix = person ? `person-${person.id}` : 'person-new';
  const { draft, set, field } = useDraft(
    {
      fullName: person?.fullName ?? '',
      nik: person?.nik ?? '',
      age: person?.age != null ? String(person.age) : '',
      group: (person?.group ?? '') as VulnerableGroup | '',
      needs: person?.needs.join(', ') ?? '',
      guardianName: person?.guardianName ?? '',
      guardianConsent: person?.guardianConsent ?? false,
    },
    { fullName: PEOPLE_TEXT.fullName, guardianName: PEOPLE_TEXT.guardianName },
  );
  const { fullName, nik, age, group, needs, guardianName, guardianConsent } = draft;
  const [isChecked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState('');
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const ageNumber = age.trim() === '' ? undefined : Number(age);
  const isNikInvalid = nik.trim() !== '' && !NIK_PATTERN.test(nik.trim());
  const isAgeInvalid =
    ageNumber !== undefined && !(Number.isInteger(ageNumber) && ageNumber >= 0 && ageNumber <= 130);
  const isForChild = group !== '' && isChild({ group, age: isAgeInvalid ? undefined : ageNumber });

  async function save(event: Event) {
    event.preventDefault();
    setChecked(true);
    setRefusal('');
    if (group === '' || isTooShort(fullName, PEOPLE_TEXT.fullName) || isNikInvalid || isAgeInvalid) return;
    const input: PersonInput = {
      fullName: fullName.trim(),
      nik: nik.trim() || undefined,
      age: ageNumber,
      group,
      needs: needs
        .split(',')
        .map((need) => need.trim())
        .filter((need) => need.length > 0),
      guardianName: guardianName.trim() || undefined,
      guardianConsent: isForChild && guardianConsent,
    };
    // The rule the server applies, checked first so the reason shows without a round trip.
    const refused = refusePerson(input);
    if (refused) {
      setRefusal(refused);
      return;
    }
    const ok = await action.run(() =>
      person ? updatePerson(props.caseId, person.id, input) : addPerson(props.caseId, input),
    );
    if (ok) props.onSaved(input.fullName);
  }

  const showError = (isInvalid: boolean) => isChecked && isInvalid;
  return (
    <form class="op-form op-person-form" onSubmit={save} noValidate>
      {person ? (
        <h4 class="op-form-title">{t('op.people.editHeading', { name: person.fullName })}</h4>
      ) : (
        <h3 class="op-form-title">{t('op.people.addHeading')}</h3>
      )}
      <InputField
        id={`${prefix}-name`}
        inputRef={first}
        label={t('op.people.fullName')}
        required
        {...field('fullName')}
        error={
          showError(isTooShort(fullName, PEOPLE_TEXT.fullName))
            ? t('op.people.nameRequired', { min: PEOPLE_TEXT.fullName.min })
            : undefined
        }
      />
      <InputField
        id={`${prefix}-nik`}
        label={t('op.people.nik')}
        hint={t('op.people.nikHint')}
        inputMode="numeric"
        maxLength={16}
        value={nik}
        error={showError(isNikInvalid) ? t('op.people.nikInvalid') : undefined}
        onInput={(value) => set('nik', value.replace(/\s/g, ''))}
      />
      <InputField
        id={`${prefix}-age`}
        label={t('op.people.ageLabel')}
        type="number"
        inputClass="op-number"
        min={0}
        max={130}
        {...field('age')}
        error={showError(isAgeInvalid) ? t('op.people.ageInvalid') : undefined}
      />
      <SelectField
        id={`${prefix}-group`}
        label={t('op.people.groupLabel')}
        required
        value={group}
        error={showError(group === '') ? t('op.people.groupRequired') : undefined}
        onChange={(value) => set('group', value as VulnerableGroup | '')}
        options={[
          { value: '', label: t('op.people.chooseGroup') },
          ...VULNERABLE_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) })),
        ]}
      />
      <InputField
        id={`${prefix}-needs`}
        label={t('op.people.needs')}
        hint={t('op.people.needsHint')}
        {...field('needs')}
      />
      <InputField
        id={`${prefix}-guardian`}
        label={t(isForChild ? 'op.people.guardianName' : 'op.people.guardianNameOptional')}
        {...field('guardianName')}
      />
      {isForChild && (
        <fieldset class="op-fieldset op-child-consent">
          <legend>{t('op.people.childLegend')}</legend>
          <p class="hint" id={`${prefix}-consent-hint`}>
            {t('op.people.childHint')}
          </p>
          <label class="op-check">
            <input
              type="checkbox"
              checked={guardianConsent}
              aria-describedby={`${prefix}-consent-hint`}
              onChange={(e) => set('guardianConsent', (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('op.people.consent')}
          </label>
        </fieldset>
      )}
      {refusal && (
        <p class="message message-error" role="alert">
          {refusal}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <FormSubmit
        label={t(person ? 'op.people.submitEdit' : 'op.people.submitAdd')}
        disabled={action.isBusy}
        onCancel={props.onCancel}
      />
    </form>
  );
}

/** Refers one person to a service with a due time (WIB); the services are the shared list. */
export function ReferralForm(props: {
  caseId: string;
  person: VulnerablePersonView;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { person } = props;
  const prefix = `referral-${person.id}`;
  const { draft, set, field, isTooShort } = useDraft<{
    service: (typeof REFERRAL_SERVICES)[number];
    provider: string;
    dueAt: string;
  }>(
    { service: 'dukungan_psikososial', provider: '', dueAt: wibInputIn(72) },
    { provider: PEOPLE_TEXT.provider },
  );
  const { service, provider, dueAt } = draft;
  const action = useAction();
  const request = useClientId();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const ok = await action.run(() =>
      referPerson(props.caseId, person.id, {
        id: request.id,
        service,
        provider: provider.trim(),
        dueAt: wibInputToIso(dueAt) ?? dueAt,
      }),
    );
    if (ok) {
      request.renew();
      props.onSaved(
        t('op.referral.created', { service: referralServiceLabel(t, service), name: person.fullName }),
      );
    }
  }

  return (
    <form class="op-form" onSubmit={save}>
      <h4 class="op-form-title">{t('op.referral.formHeading', { name: person.fullName })}</h4>
      <SelectField
        id={`${prefix}-service`}
        inputRef={first}
        label={t('op.referral.serviceLabel')}
        value={service}
        onChange={(value) => set('service', value as (typeof REFERRAL_SERVICES)[number])}
        options={REFERRAL_SERVICES.map((s) => ({ value: s, label: referralServiceLabel(t, s) }))}
      />
      <InputField
        id={`${prefix}-provider`}
        label={t('op.referral.provider')}
        hint={t('op.referral.providerHint')}
        required
        {...field('provider')}
      />
      <DateTimeField id={`${prefix}-due`} label={t('op.referral.due')} required {...field('dueAt')} />
      <ErrorNotice error={action.error} />
      <FormSubmit
        label={t('op.referral.submit')}
        disabled={action.isBusy || isTooShort || !dueAt}
        onCancel={props.onCancel}
      />
    </form>
  );
}
