// One's own notices outside the app, on the account page: phone, e-mail, language, quiet hours (WIB), which
// kinds on which channel, and the latest notices with their delivery state.
import '../shared/messages/notices.ts';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, LANGS } from '../shared/i18n.ts';
import type { NoticeSettingsReply, NoticeSettings as Settings } from '../shared/notices/notice-schema.ts';
import {
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  type NoticeChannel,
  type NoticeKind,
} from '../shared/notices/notices.ts';
import { ApiError, request } from './api.ts';
import { InputField, SelectField } from './fields.tsx';
import { useLang, useT } from './lang.ts';
import { AlertRegion, BusySubmit, SuccessRegion } from './ui/CredentialField.tsx';
import { Section } from './ui/Section.tsx';

const key = (kind: NoticeKind, channel: NoticeChannel) => `${kind}:${channel}`;

/** One end of the quiet hours: a time of day (WIB), or null when it is left empty. */
function QuietTime(props: {
  id: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>{' '}
      <input
        id={props.id}
        type="time"
        aria-describedby="notices-quiet-hint"
        value={props.value ?? ''}
        onInput={(event) => props.onChange(event.currentTarget.value || null)}
      />
    </>
  );
}

export function NoticeSettings() {
  const t = useT();
  const lang = useLang();
  const [reply, setReply] = useState<NoticeSettingsReply | undefined>();
  const [form, setForm] = useState<Settings | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    request<NoticeSettingsReply>('GET', '/api/notices/settings')
      .then((answer) => {
        setReply(answer);
        setForm(answer.settings);
      })
      .catch((caught) => setError(caught instanceof ApiError ? caught : undefined));
  }, []);

  if (!form) {
    return error ? (
      <p class="message message-error" role="alert">
        {errorMessage(lang, error.code, error.details)}
      </p>
    ) : null;
  }
  const chosen = new Set(form.choices.map((c) => key(c.kind, c.channel)));
  const toggle = (kind: NoticeKind, channel: NoticeChannel) => {
    const choices = chosen.has(key(kind, channel))
      ? form.choices.filter((c) => key(c.kind, c.channel) !== key(kind, channel))
      : [...form.choices, { kind, channel }];
    setForm({ ...form, choices });
  };

  /** Where notices go on a channel (phone, e-mail), of the kind the browser may fill in; empty is none. */
  const address = (key: 'phone' | 'email', type: 'tel' | 'email', hint?: string) => (
    <InputField
      id={`notices-${key}`}
      label={t(`notices.${key}`)}
      hint={hint}
      type={type}
      autoComplete={type}
      value={form[key] ?? ''}
      onInput={(value) => setForm({ ...form, [key]: value })}
    />
  );

  async function submit(event: Event) {
    event.preventDefault();
    if (isBusy || !form) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await request<NoticeSettingsReply>('PUT', '/api/notices/settings', {
        ...form,
        phone: form.phone?.trim() || null,
        email: form.email?.trim() || null,
        quietFrom: form.quietFrom || null,
        quietUntil: form.quietUntil || null,
      });
      setReply(answer);
      setForm(answer.settings);
      setSaved(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('network', 0, String(caught)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section id="notices-heading" heading={t('notices.title')}>
      <p>{t('notices.intro')}</p>
      <AlertRegion message={error && errorMessage(lang, error.code, error.details)} />
      <SuccessRegion message={saved ? t('notices.saved') : undefined} />
      <form noValidate onSubmit={submit}>
        {address('phone', 'tel', t('notices.phoneHint'))}
        {address('email', 'email')}
        <SelectField
          id="notices-language"
          label={t('notices.language')}
          value={form.language}
          onChange={(language) => setForm({ ...form, language: language as 'id' | 'en' })}
          options={LANGS.map((code) => ({ value: code, label: t(`lang.${code}`) }))}
        />
        <fieldset class="op-fieldset">
          <legend>{t('notices.quiet')}</legend>
          <p id="notices-quiet-hint" class="hint">
            {t('notices.quietHint')}
          </p>
          <QuietTime
            id="notices-quiet-from"
            label={t('notices.quietFrom')}
            value={form.quietFrom}
            onChange={(quietFrom) => setForm({ ...form, quietFrom })}
          />{' '}
          <QuietTime
            id="notices-quiet-until"
            label={t('notices.quietUntil')}
            value={form.quietUntil}
            onChange={(quietUntil) => setForm({ ...form, quietUntil })}
          />
        </fieldset>
        <table class="notices-choices">
          <caption>{t('notices.choices')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notices.kind')}</th>
              {NOTICE_CHANNELS.map((channel) => (
                <th scope="col" key={channel}>
                  {t(`notices.channel.${channel}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTICE_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row" id={`notices-kind-${kind}`}>
                  {t(`notices.kind.${kind}`)}
                </th>
                {NOTICE_CHANNELS.map((channel) => (
                  <td key={channel}>
                    <input
                      type="checkbox"
                      id={`notices-${kind}-${channel}`}
                      aria-label={`${t(`notices.kind.${kind}`)}: ${t(`notices.channel.${channel}`)}`}
                      checked={chosen.has(key(kind, channel))}
                      onChange={() => toggle(kind, channel)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <BusySubmit isBusy={isBusy} label={t('notices.save')} busyLabel={t('notices.saving')} />
      </form>
      <h3>{t('notices.log')}</h3>
      {reply && reply.log.length === 0 && <p>{t('notices.logEmpty')}</p>}
      {reply && reply.log.length > 0 && (
        <ul class="notices-log">
          {reply.log.map((n) => (
            <li key={n.id}>
              {t(`notices.channel.${n.channel}`)} · {n.createdAt.slice(0, 16).replace('T', ' ')} WIB ·{' '}
              {t(`notices.status.${n.status}` as 'notices.status.antre')} — {n.text}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
