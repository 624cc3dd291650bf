// The messages of the retention, anomaly-signal and breach-register parts of the Pelindungan data page. Loaded with
// the page; importing registers the tables.
import { registerMessages } from '../i18n.ts';

const id = {
  'retention.heading': 'Retensi dan sinyal anomali',
  'retention.lead':
    'Data pribadi yang lewat masa simpannya dianonimkan setiap malam (02.30 WIB); baris dan angka statistik tetap. Catatan dengan legal hold atau dalam kasus yang masih ditangani tidak disentuh.',
  'retention.caseClosedYears': 'Kasus ditutup lebih dari (tahun)',
  'retention.reporterMonths': 'Data pelapor warga setelah (bulan)',
  'retention.pillarInactiveYears': 'Pilar tidak aktif lebih dari (tahun)',
  'retention.readsThreshold': 'Catatan orang dibaca satu akun',
  'retention.readsWindowMinutes': 'Jendela baca (menit)',
  'retention.failedAccountsThreshold': 'Akun gagal masuk dari satu alamat',
  'retention.failedWindowMinutes': 'Jendela gagal masuk (menit)',
  'retention.nightFromHour': 'Ekspor data pribadi malam: dari jam (WIB)',
  'retention.nightToHour': 'sampai jam (WIB)',
  'retention.save': 'Simpan pengaturan',
  'retention.saved': 'Pengaturan tersimpan.',
  'retention.problems': 'Periksa isian berikut',
  'retention.dryRun': 'Lihat yang akan dianonimkan',
  'retention.plan': 'Uji coba retensi per {at}: {count} catatan akan dianonimkan, {kept} ditahan',
  'retention.col.table': 'Data',
  'retention.col.count': 'Jumlah',
  'retention.col.ids': 'Id catatan',
  'breaches.heading': 'Register insiden kebocoran data ({count})',
  'breaches.none': 'Belum ada insiden tercatat.',
  'breaches.col.title': 'Insiden',
  'breaches.col.discovered': 'Diketahui',
  'breaches.col.due': 'Batas pemberitahuan (3 × 24 jam)',
  'breaches.col.state': 'Status',
  'breaches.state.berjalan': 'berjalan ({hours} jam lagi)',
  'breaches.state.mendekati': 'mendekati batas ({hours} jam lagi)',
  'breaches.state.lewat': 'lewat batas',
  'breaches.state.selesai': 'pemberitahuan lengkap',
  'breaches.escalated': 'dieskalasikan {at}',
  'breaches.suspected': 'dugaan (sinyal)',
  'breaches.closed': 'ditutup',
};

export type RetentionMessageKey = keyof typeof id;

const en: Record<RetentionMessageKey, string> = {
  'retention.heading': 'Retention and anomaly signals',
  'retention.lead':
    'Personal data past its retention is anonymised every night (02:30 WIB); rows and statistics stay. Records under a legal hold or in a case still open are not touched.',
  'retention.caseClosedYears': 'Cases closed more than (years)',
  'retention.reporterMonths': "Citizen reporters' data after (months)",
  'retention.pillarInactiveYears': 'Pillars inactive more than (years)',
  'retention.readsThreshold': "People's records read by one account",
  'retention.readsWindowMinutes': 'Reading window (minutes)',
  'retention.failedAccountsThreshold': 'Accounts failing to sign in from one address',
  'retention.failedWindowMinutes': 'Failed sign-in window (minutes)',
  'retention.nightFromHour': 'Night export of personal data: from hour (WIB)',
  'retention.nightToHour': 'to hour (WIB)',
  'retention.save': 'Save settings',
  'retention.saved': 'Settings saved.',
  'retention.problems': 'Check these fields',
  'retention.dryRun': 'Show what would be anonymised',
  'retention.plan': 'Retention dry run at {at}: {count} records would be anonymised, {kept} kept',
  'retention.col.table': 'Data',
  'retention.col.count': 'Count',
  'retention.col.ids': 'Record ids',
  'breaches.heading': 'Breach register ({count})',
  'breaches.none': 'No breach recorded yet.',
  'breaches.col.title': 'Breach',
  'breaches.col.discovered': 'Discovered',
  'breaches.col.due': 'Notices due (3 × 24 h)',
  'breaches.col.state': 'State',
  'breaches.state.berjalan': 'running ({hours} h left)',
  'breaches.state.mendekati': 'nearing the deadline ({hours} h left)',
  'breaches.state.lewat': 'past the deadline',
  'breaches.state.selesai': 'notices done',
  'breaches.escalated': 'escalated {at}',
  'breaches.suspected': 'suspected (signal)',
  'breaches.closed': 'closed',
};

registerMessages({ id, en });
