// The forms of the vulnerable-people section: recording or correcting a named person (a child only with a
// guardian's consent, by the shared rule the server applies too) and referring a person to a service.
// Nothing typed here is kept on the device: the forms hold it in memory until the server has it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isChild, REFERRAL_SERVICES, refusePerson } from '../../shared/cases/people-rules.ts';
import type { PersonInput, VulnerablePersonView } from '../../shared/cases/people-schema.ts';
import type { VulnerableGroup } from '../../shared/reports/report-schema.ts';
import { VULNERABLE_GROUPS } from '../../shared/reports/report-vocabulary.ts';
import { InputField } from '../fields.tsx';
import { useT } from '../lang.ts';
import { groupLabel, referralServiceLabel } from './labels.ts';
import { addPerson, referPerson, updatePerson } from './operator-api.ts';
import { ErrorNotice, FormSubmit, useAction, wibInputIn, wibInputToIso } from './ui.tsx';

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
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [nik, setNik] = useState(person?.nik ?? '');
  const [age, setAge] = useState(person?.age != null ? String(person.age) : '');
  const [group, setGroup] = useState<VulnerableGroup | ''>(person?.group ?? '');
  const [needs, setNeeds] = useState(person?.needs.join(', ') ?? '');
  const [guardianName, setGuardianName] = useState(person?.guardianName ?? '');
  const [guardianConsent, setGuardianConsent] = useState(person?.guardianConsent ?? false);
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
    if (group === '' || fullName.trim().length < 2 || isNikInvalid || isAgeInvalid) return;
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
      <div class="field">
        <label for={`${prefix}-name`}>{t('op.people.fullName')}</label>
        {showError(fullName.trim().length < 2) && (
          <p id={`${prefix}-name-error`} class="field-error">
            {t('op.people.nameRequired')}
          </p>
        )}
        <input
          id={`${prefix}-name`}
          ref={first}
          required
          autocomplete="off"
          maxLength={200}
          value={fullName}
          aria-invalid={showError(fullName.trim().length < 2)}
          aria-describedby={showError(fullName.trim().length < 2) ? `${prefix}-name-error` : undefined}
          onInput={(e) => setFullName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-nik`}>{t('op.people.nik')}</label>
        <p class="hint" id={`${prefix}-nik-hint`}>
          {t('op.people.nikHint')}
        </p>
        {showError(isNikInvalid) && (
          <p id={`${prefix}-nik-error`} class="field-error">
            {t('op.people.nikInvalid')}
          </p>
        )}
        <input
          id={`${prefix}-nik`}
          inputMode="numeric"
          autocomplete="off"
          maxLength={16}
          value={nik}
          aria-invalid={showError(isNikInvalid)}
          aria-describedby={`${prefix}-nik-hint${showError(isNikInvalid) ? ` ${prefix}-nik-error` : ''}`}
          onInput={(e) => setNik((e.currentTarget as HTMLInputElement).value.replace(/\s/g, ''))}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-age`}>{t('op.people.ageLabel')}</label>
        {showError(isAgeInvalid) && (
          <p id={`${prefix}-age-error`} class="field-error">
            {t('op.people.ageInvalid')}
          </p>
        )}
        <input
          id={`${prefix}-age`}
          class="op-number"
          type="number"
          inputMode="numeric"
          min={0}
          max={130}
          value={age}
          aria-invalid={showError(isAgeInvalid)}
          aria-describedby={showError(isAgeInvalid) ? `${prefix}-age-error` : undefined}
          onInput={(e) => setAge((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-group`}>{t('op.people.groupLabel')}</label>
        {showError(group === '') && (
          <p id={`${prefix}-group-error`} class="field-error">
            {t('op.people.groupRequired')}
          </p>
        )}
        <select
          id={`${prefix}-group`}
          required
          value={group}
          aria-invalid={showError(group === '')}
          aria-describedby={showError(group === '') ? `${prefix}-group-error` : undefined}
          onChange={(e) => setGroup((e.currentTarget as HTMLSelectElement).value as VulnerableGroup | '')}
        >
          <option value="">{t('op.people.chooseGroup')}</option>
          {VULNERABLE_GROUPS.map((g) => (
            <option key={g} value={g}>
              {groupLabel(t, g)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-needs`}>{t('op.people.needs')}</label>
        <p class="hint" id={`${prefix}-needs-hint`}>
          {t('op.people.needsHint')}
        </p>
        <input
          id={`${prefix}-needs`}
          autocomplete="off"
          value={needs}
          aria-describedby={`${prefix}-needs-hint`}
          onInput={(e) => setNeeds((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-guardian`}>
          {t(isForChild ? 'op.people.guardianName' : 'op.people.guardianNameOptional')}
        </label>
        <input
          id={`${prefix}-guardian`}
          autocomplete="off"
          maxLength={200}
          value={guardianName}
          onInput={(e) => setGuardianName((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
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
              onChange={(e) => setGuardianConsent((e.currentTarget as HTMLInputElement).checked)}
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
  const [service, setService] = useState<(typeof REFERRAL_SERVICES)[number]>('dukungan_psikososial');
  const [provider, setProvider] = useState('');
  const [dueAt, setDueAt] = useState(() => wibInputIn(72));
  const action = useAction();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const ok = await action.run(() =>
      referPerson(props.caseId, person.id, {
        service,
        provider: provider.trim(),
        dueAt: wibInputToIso(dueAt),
      }),
    );
    if (ok) {
      props.onSaved(
        t('op.referral.created', { service: referralServiceLabel(t, service), name: person.fullName }),
      );
    }
  }

  return (
    <form class="op-form" onSubmit={save}>
      <h4 class="op-form-title">{t('op.referral.formHeading', { name: person.fullName })}</h4>
      <div class="field">
        <label for={`${prefix}-service`}>{t('op.referral.serviceLabel')}</label>
        <select
          id={`${prefix}-service`}
          ref={first}
          value={service}
          onChange={(e) =>
            setService((e.currentTarget as HTMLSelectElement).value as (typeof REFERRAL_SERVICES)[number])
          }
        >
          {REFERRAL_SERVICES.map((s) => (
            <option key={s} value={s}>
              {referralServiceLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${prefix}-provider`}>{t('op.referral.provider')}</label>
        <p class="hint" id={`${prefix}-provider-hint`}>
          {t('op.referral.providerHint')}
        </p>
        <input
          id={`${prefix}-provider`}
          required
          minLength={2}
          maxLength={200}
          value={provider}
          aria-describedby={`${prefix}-provider-hint`}
          onInput={(e) => setProvider((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <InputField
        id={`${prefix}-due`}
        label={t('op.referral.due')}
        required
        value={dueAt}
        type="datetime-local"
        onInput={setDueAt}
      />
      <ErrorNotice error={action.error} />
      <FormSubmit
        label={t('op.referral.submit')}
        disabled={action.isBusy || provider.trim().length < 2 || !dueAt}
        onCancel={props.onCancel}
      />
    </form>
  );
}
