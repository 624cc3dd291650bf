// Cadangan data (admin): download an encrypted backup now, set the daily scheduled backup, see its last result,
// and save the signed audit head outside Sigap.
import { useEffect, useState } from 'preact/hooks';
import type { AuditHeadView, BackupSchedule, BackupStatus } from '../../../shared/backups.ts';
import { formatFileSize } from '../../../shared/file-size.ts';
import { download, request } from '../../api.ts';
import { CheckField, InputField } from '../../fields.tsx';
import { useLang, useT } from '../../lang.ts';
import { Section } from '../../ui/Section.tsx';
import type { OperatorPageProps } from '../OperatorPage.tsx';
import { ActionOutcome, DoneNotice, ErrorNotice, FormSubmit, num, useAction, useLoad, wib } from '../ui.tsx';

/** The backups page. */
export function BackupsPage(_props: OperatorPageProps) {
  const t = useT();
  const lang = useLang();
  const status = useLoad(() => request<BackupStatus>('GET', '/api/admin/backups'), []);
  const [draft, setDraft] = useState<BackupSchedule | undefined>();
  const [saved, setSaved] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [downloaded, setDownloaded] = useState('');
  const saving = useAction();
  const taking = useAction();
  const auditHead = useLoad(() => request<AuditHeadView>('GET', '/api/admin/audit-head'), []);
  const [headSaved, setHeadSaved] = useState('');

  /** Downloads the current head as a small text file, with the command that checks the trail against it. */
  function saveHead() {
    const head = auditHead.data?.head;
    if (!head) return;
    const fileName = `sigap-kepala-audit-${head.seq}.txt`;
    const text = [
      t('op.auditHead.fileIntro', { at: wib(head.at, lang) }),
      '',
      head.line,
      '',
      t('op.auditHead.fileVerify'),
      `npm run sigap -- audit verify --head ${head.line}`,
      '',
    ].join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setHeadSaved(t('op.auditHead.saved', { file: fileName }));
  }

  useEffect(() => {
    if (status.data) setDraft({ ...status.data.schedule });
  }, [status.data]);

  async function save(event: Event) {
    event.preventDefault();
    if (!draft) return;
    setSaved('');
    if (await saving.run(() => request('PUT', '/api/admin/backups/schedule', draft))) {
      setSaved(t('op.backup.saved'));
      status.reload();
    }
  }

  async function takeNow(event: Event) {
    event.preventDefault();
    setDownloaded('');
    let name = '';
    const ok = await taking.run(async () => {
      const { blob, fileName } = await download('/api/admin/backup', passphrase ? { passphrase } : {});
      name = fileName;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
    if (ok) {
      setPassphrase('');
      setDownloaded(t('op.backup.downloaded', { file: name }));
    }
  }

  const last = status.data?.lastSuccess;
  const failed = status.data?.lastFailure;
  return (
    <div class="op-wide">
      <p class="lead">{t('purpose.cadangan')}</p>
      <ErrorNotice error={status.error} />
      <Section id="backup-status-heading" heading={t('op.backup.statusHeading')}>
        <p>
          {last
            ? t('op.backup.lastSuccess', {
                at: wib(last.at, lang),
                file: last.fileName,
                size: formatFileSize(last.bytes, lang),
              })
            : t('op.backup.never')}
        </p>
        {failed && (!last || failed.at > last.at) && (
          <p class="message message-error">
            {t('op.backup.lastFailure', { at: wib(failed.at, lang), error: failed.error })}
          </p>
        )}
        {draft && (
          <form class="op-form op-grid-form" onSubmit={save}>
            <CheckField
              label={t('op.backup.enabled')}
              checked={draft.isEnabled}
              onChange={(isEnabled) => setDraft({ ...draft, isEnabled })}
            />
            <InputField
              id="backup-time"
              label={t('op.backup.time')}
              type="time"
              required
              value={draft.timeOfDay}
              onInput={(timeOfDay) => setDraft({ ...draft, timeOfDay })}
            />
            <InputField
              id="backup-folder"
              label={t('op.backup.folder')}
              required={draft.isEnabled}
              value={draft.folder}
              onInput={(folder) => setDraft({ ...draft, folder })}
            />
            <InputField
              id="backup-keep"
              label={t('op.backup.keep')}
              type="number"
              min={1}
              max={365}
              required
              value={String(draft.keep)}
              onInput={(keep) => setDraft({ ...draft, keep: Number(keep) })}
            />
            <ActionOutcome done={saved} error={saving.error} />
            <FormSubmit label={t('op.backup.save')} disabled={saving.isBusy} />
          </form>
        )}
      </Section>
      <Section id="backup-now-heading" heading={t('op.backup.nowHeading')}>
        <form class="op-form" onSubmit={takeNow}>
          <InputField
            id="backup-passphrase"
            label={t('op.backup.passphrase')}
            hint={t('op.backup.nowHint')}
            type="password"
            autoComplete="new-password"
            minLength={12}
            value={passphrase}
            onInput={setPassphrase}
          />
          <ActionOutcome done={downloaded} error={taking.error} />
          <FormSubmit label={t('op.backup.download')} disabled={taking.isBusy} isSecondary />
        </form>
      </Section>
      <Section id="audit-head-heading" heading={t('op.auditHead.heading')}>
        <p class="hint">{t('op.auditHead.hint')}</p>
        <ErrorNotice error={auditHead.error} />
        {auditHead.data && (
          <>
            <p>
              {auditHead.data.head
                ? t('op.auditHead.current', {
                    seq: num(auditHead.data.head.seq, lang),
                    at: wib(auditHead.data.head.at, lang),
                  })
                : t('op.auditHead.empty')}
            </p>
            {auditHead.data.head && <pre class="audit-head-line">{auditHead.data.head.line}</pre>}
            <p>
              {auditHead.data.lastAnchoredAt
                ? t('op.auditHead.lastAnchored', { at: wib(auditHead.data.lastAnchoredAt, lang) })
                : t('op.auditHead.neverAnchored')}
            </p>
            <DoneNotice message={headSaved} />
            {auditHead.data.head && (
              <button type="button" class="button op-button-secondary" onClick={saveHead}>
                {t('op.auditHead.save')}
              </button>
            )}
          </>
        )}
      </Section>
    </div>
  );
}
