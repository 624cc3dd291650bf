// The messages of the notice settings (account page) and of answering a sender from the report page.
// Importing registers the tables.
import { registerBilingual } from './bilingual.ts';

const messages = registerBilingual({
  'notices.title': ['Pemberitahuan di luar aplikasi', 'Notices outside the app'],
  'notices.intro': [
    'Pilih pemberitahuan yang dikirim ke WhatsApp, SMS atau e-mail saat Anda tidak membuka Sigap. Isinya hanya jenis, tingkat dan tempat kejadian serta tautan ke Sigap, tanpa nama korban, NIK atau nomor telepon.',
    'Choose the notices sent to WhatsApp, SMS or e-mail when you do not have Sigap open. They hold only the kind, level and place and a link into Sigap, never names of victims, NIKs or phone numbers.',
  ],
  'notices.phone': ['Nomor ponsel (WhatsApp/SMS)', 'Mobile number (WhatsApp/SMS)'],
  'notices.phoneHint': [
    'Mis. 0812 3456 7890. Pesan dari nomor ini juga tercatat sebagai laporan Anda.',
    'E.g. 0812 3456 7890. Messages from this number also count as your reports.',
  ],
  'notices.email': ['Alamat e-mail', 'E-mail address'],
  'notices.language': ['Bahasa pemberitahuan', 'Language of notices'],
  'notices.quiet': ['Jam tenang (WIB)', 'Quiet hours (WIB)'],
  'notices.quietHint': [
    'Selama jam tenang pemberitahuan ditahan sampai jam tenang berakhir, kecuali laporan P1 (juga tenggatnya) dan peringatan Awas. Kosongkan keduanya bila tidak perlu.',
    'During quiet hours notices wait until the quiet hours end, except P1 reports (and their deadlines) and Awas alerts. Leave both empty for none.',
  ],
  'notices.quietFrom': ['Mulai', 'From'],
  'notices.quietUntil': ['Sampai', 'Until'],
  'notices.choices': ['Jenis pemberitahuan dan salurannya', 'Kinds of notices and their channels'],
  'notices.kind': ['Jenis', 'Kind'],
  'notices.kind.p1': ['Laporan P1 baru di wilayah saya', 'A new P1 report in my area'],
  'notices.kind.eskalasi': [
    'Laporan atau kasus dieskalasikan kepada saya',
    'A report or case escalated to me',
  ],
  'notices.kind.penugasan': ['Tugas baru untuk saya', 'A new assignment for me'],
  'notices.kind.peringatan': [
    'Peringatan dini dinaikkan atau dieskalasikan di wilayah saya',
    'An early-warning alert raised or escalated in my area',
  ],
  'notices.kind.tenggat': [
    'Tenggat laporan atau kasus yang saya tangani hampir lewat',
    'A deadline of a report or case I handle is about to pass',
  ],
  'notices.channel.whatsapp': ['WhatsApp', 'WhatsApp'],
  'notices.channel.sms': ['SMS', 'SMS'],
  'notices.channel.email': ['E-mail', 'E-mail'],
  'notices.save': ['Simpan pengaturan pemberitahuan', 'Save notice settings'],
  'notices.saving': ['Menyimpan…', 'Saving…'],
  'notices.saved': ['Pengaturan pemberitahuan disimpan.', 'Notice settings saved.'],
  'notices.log': ['Pemberitahuan terakhir', 'Latest notices'],
  'notices.logEmpty': ['Belum ada pemberitahuan yang dikirim.', 'No notices sent yet.'],
  'notices.status': ['Status', 'Status'],
  'notices.when': ['Waktu', 'Time'],
  'notices.status.antre': ['menunggu kirim', 'waiting to be sent'],
  'notices.status.diteruskan': ['diteruskan', 'handed on'],
  'notices.status.terkirim': ['terkirim', 'sent'],
  'notices.status.diterima': ['diterima', 'delivered'],
  'notices.status.dibaca': ['dibaca', 'read'],
  'notices.status.gagal': ['gagal', 'failed'],
  'reply.heading': ['Balas pengirim', 'Answer the sender'],
  'reply.intro': [
    'Balasan dikirim lewat saluran asal laporan dan tercatat di jejak audit.',
    'The answer goes out on the channel the report came from and is recorded in the audit trail.',
  ],
  'reply.template': ['Templat', 'Template'],
  'reply.own': ['Tulis sendiri', 'Write my own'],
  'reply.text': ['Teks balasan', 'Answer text'],
  'reply.textHint': [
    'Paling banyak {max} karakter. Jangan menyebut nama korban atau NIK.',
    'At most {max} characters. Do not name victims or give NIKs.',
  ],
  'reply.template.diterima': ['Laporan diterima', 'Report received'],
  'reply.template.petugas_menuju': ['Petugas menuju lokasi', 'Staff on the way'],
  'reply.template.minta_rincian': ['Minta rincian tambahan', 'Ask for more details'],
  'reply.template.selesai': ['Sudah ditindaklanjuti', 'Followed up'],
  'reply.send': ['Kirim balasan', 'Send answer'],
  'reply.sending': ['Mengirim…', 'Sending…'],
  'reply.sent': ['Balasan masuk antrean kirim.', 'The answer is queued to be sent.'],
});

export type NoticesMessageKey = keyof typeof messages;
