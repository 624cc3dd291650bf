// The messages of the retention, anomaly-signal and breach-register parts of the Pelindungan data page. Loaded with
// the page; importing registers the tables.
import { registerBilingual } from './bilingual.ts';

export const messages = registerBilingual({
  'retention.heading': ['Retensi dan sinyal anomali', 'Retention and anomaly signals'],
  'retention.lead': [
    'Data pribadi yang lewat masa simpannya dianonimkan setiap malam (02.30 WIB); baris dan angka statistik tetap. Catatan dengan legal hold atau dalam kasus yang masih ditangani tidak disentuh.',
    'Personal data past its retention is anonymised every night (02:30 WIB); rows and statistics stay. Records under a legal hold or in a case still open are not touched.',
  ],
  'retention.caseClosedYears': ['Kasus ditutup lebih dari (tahun)', 'Cases closed more than (years)'],
  'retention.reporterMonths': [
    'Data pelapor warga setelah (bulan)',
    "Citizen reporters' data after (months)",
  ],
  'retention.pillarInactiveYears': [
    'Pilar tidak aktif lebih dari (tahun)',
    'Pillars inactive more than (years)',
  ],
  'retention.readsThreshold': ['Catatan orang dibaca satu akun', "People's records read by one account"],
  'retention.readsWindowMinutes': ['Jendela baca (menit)', 'Reading window (minutes)'],
  'retention.failedAccountsThreshold': [
    'Akun gagal masuk dari satu alamat',
    'Accounts failing to sign in from one address',
  ],
  'retention.failedWindowMinutes': ['Jendela gagal masuk (menit)', 'Failed sign-in window (minutes)'],
  'retention.nightFromHour': [
    'Ekspor data pribadi malam: dari jam (WIB)',
    'Night export of personal data: from hour (WIB)',
  ],
  'retention.nightToHour': ['sampai jam (WIB)', 'to hour (WIB)'],
  'retention.save': ['Simpan pengaturan', 'Save settings'],
  'retention.saved': ['Pengaturan tersimpan.', 'Settings saved.'],
  'retention.problems': ['Periksa isian berikut', 'Check these fields'],
  'retention.dryRun': ['Lihat yang akan dianonimkan', 'Show what would be anonymised'],
  'retention.plan': [
    'Uji coba retensi per {at}: {count} catatan akan dianonimkan, {kept} ditahan',
    'Retention dry run at {at}: {count} records would be anonymised, {kept} kept',
  ],
  'retention.col.table': ['Data', 'Data'],
  'retention.col.count': ['Jumlah', 'Count'],
  'retention.col.ids': ['Id catatan', 'Record ids'],
  'breaches.heading': ['Register insiden kebocoran data ({count})', 'Breach register ({count})'],
  'breaches.none': ['Belum ada insiden tercatat.', 'No breach recorded yet.'],
  'breaches.col.title': ['Insiden', 'Breach'],
  'breaches.col.discovered': ['Diketahui', 'Discovered'],
  'breaches.col.due': ['Batas pemberitahuan (3 × 24 jam)', 'Notices due (3 × 24 h)'],
  'breaches.col.state': ['Status', 'State'],
  'breaches.state.berjalan': ['berjalan ({hours} jam lagi)', 'running ({hours} h left)'],
  'breaches.state.mendekati': ['mendekati batas ({hours} jam lagi)', 'nearing the deadline ({hours} h left)'],
  'breaches.state.lewat': ['lewat batas', 'past the deadline'],
  'breaches.state.selesai': ['pemberitahuan lengkap', 'notices done'],
  'breaches.escalated': ['dieskalasikan {at}', 'escalated {at}'],
  'breaches.suspected': ['dugaan (sinyal)', 'suspected (signal)'],
  'breaches.closed': ['ditutup', 'closed'],
});
