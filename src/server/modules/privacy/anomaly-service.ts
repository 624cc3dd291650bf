// Anomaly signals (UU 27/2022 Pasal 35, 39: the controller watches for failures of protection): a job looks for one
// account reading many people's records in a short time (the access log), many accounts failing to sign in from one
// address, and exports of personal data at night (WIB). Each opens a suspected breach for the data protection
// officer, whose 3 × 24 hour clock then runs like any breach's; the same signal opens at most one per window.
import { createHash, randomUUID } from 'node:crypto';
import { formatDateTimeWIB } from '../../../shared/i18n.ts';
import { breachDueAt } from '../../../shared/privacy/breach-rules.ts';
import {
  isNightWib,
  type PrivacySettings,
  SIGNAL_LABELS,
  type SignalKind,
  signalKey,
} from '../../../shared/privacy/retention-rules.ts';
import { listAuditEntries, listHeavyReaders, SYSTEM_ACTOR } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { failedSignInSources } from '../auth/auth-service.ts';
import { notifyCovering } from '../notifications/notifications-service.ts';
import { getPrivacySettings } from '../settings/settings-service.ts';
import { BREACH_HANDLERS } from './breach-clock-service.ts';
import { auditBreach } from './breach-service.ts';
import * as store from './breach-store.ts';

type Signal = { kind: SignalKind; subject: string; description: string; subjectsEstimate: number };

/** A network address is personal data: a signal names it by a short hash only. */
const addressKey = (source: string) => createHash('sha256').update(source).digest('hex').slice(0, 16);

/** Opens a suspected breach for one signal unless one was opened for it within the window; returns whether. */
async function openSuspectedBreach(
  tx: Tx,
  signal: Signal,
  now: Date,
  windowMinutes: number,
): Promise<boolean> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  if (await store.hasRecentSignal(tx, signal.kind, signal.subject, since)) return false;
  const id = randomUUID();
  const inserted = await store.insertBreach(tx, {
    id,
    title: `Dugaan kebocoran: ${SIGNAL_LABELS[signal.kind]}`,
    description: signal.description,
    discoveredAt: now,
    dueAt: breachDueAt(now),
    categories: ['umum'],
    subjectsEstimate: signal.subjectsEstimate,
    measures: '',
    createdBy: null,
    signal: {
      kind: signal.kind,
      subject: signal.subject,
      key: signalKey(signal.kind, signal.subject, now, windowMinutes),
    },
  });
  if (!inserted) return false;
  await auditBreach(tx, SYSTEM_ACTOR, 'privacy.breach_suspected', id, { signal: signal.kind });
  notifyCovering(tx, BREACH_HANDLERS, [], {
    kind: 'privacy.breach_suspected',
    subjectType: 'privacy_breach',
    subjectId: id,
    title: `Dugaan kebocoran data: ${SIGNAL_LABELS[signal.kind]}`,
    body: 'Periksa register insiden; batas pemberitahuan 3 × 24 jam berjalan sejak sinyal ini.',
  });
  return true;
}

/** The signals of each kind seen at `now` under `s`. */
async function findSignals(tx: Tx, s: PrivacySettings, now: Date): Promise<[Signal, number][]> {
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const signals: [Signal, number][] = [];
  for (const r of await listHeavyReaders(tx, minutesAgo(s.readsWindowMinutes), now, s.readsThreshold)) {
    signals.push([
      {
        kind: 'baca_massal',
        subject: r.userId,
        description: `Akun ${r.userId} membaca ${r.records} catatan data pribadi yang berbeda dalam ${s.readsWindowMinutes} menit (ambang ${s.readsThreshold}). Periksa log akses akun ini.`,
        subjectsEstimate: r.records,
      },
      s.readsWindowMinutes,
    ]);
  }
  for (const f of await failedSignInSources(
    tx,
    minutesAgo(s.failedWindowMinutes),
    s.failedAccountsThreshold,
  )) {
    signals.push([
      {
        kind: 'gagal_masuk',
        subject: addressKey(f.source),
        description: `${f.accounts} akun berbeda gagal masuk dari satu alamat jaringan (kode ${addressKey(f.source)}) dalam ${s.failedWindowMinutes} menit (ambang ${s.failedAccountsThreshold}). Periksa catatan gagal masuk.`,
        subjectsEstimate: 0,
      },
      s.failedWindowMinutes,
    ]);
  }
  const exports = await listAuditEntries(tx, 'export.create', minutesAgo(s.readsWindowMinutes), now);
  for (const e of exports) {
    if (e.details.personal !== true || !isNightWib(e.at, s.nightFromHour, s.nightToHour)) continue;
    signals.push([
      {
        kind: 'ekspor_malam',
        subject: e.actorId ?? 'sistem',
        description: `Ekspor ${String(e.details.kind)} dengan data pribadi (${Number(e.details.rows)} baris) pada ${formatDateTimeWIB(e.at, 'id')} oleh akun ${e.actorId ?? 'sistem'} (malam: pukul ${s.nightFromHour}.00–${s.nightToHour}.00 WIB).`,
        subjectsEstimate: Number(e.details.rows) || 0,
      },
      s.readsWindowMinutes,
    ]);
  }
  return signals;
}

/** The job: checks every signal and opens the suspected breaches; returns how many opened, per kind. */
export async function runAnomalyChecks(db: Database, clock: Clock): Promise<Record<SignalKind, number>> {
  const now = clock.now();
  return db.asSystem(async (tx) => {
    const settings = await getPrivacySettings(tx);
    const opened: Record<SignalKind, number> = { baca_massal: 0, gagal_masuk: 0, ekspor_malam: 0 };
    for (const [signal, windowMinutes] of await findSignals(tx, settings, now)) {
      if (await openSuspectedBreach(tx, signal, now, windowMinutes)) opened[signal.kind]++;
    }
    return opened;
  });
}
