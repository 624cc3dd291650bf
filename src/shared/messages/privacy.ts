// The messages of the data protection officer's page (Pelindungan data). Loaded with the page, so no other page
// carries them. Importing registers the tables.
import { registerMessages } from '../i18n.ts';

const id = {
  'privacy.lead':
    'Catatan kegiatan pemrosesan data pribadi (UU 27/2022 Pasal 31), dibuat dari peta data Sigap: apa yang diproses, untuk apa, atas dasar apa, siapa penerimanya dan berapa lama disimpan.',
  'privacy.pdf': 'Unduh catatan pemrosesan (PDF)',
  'privacy.controller': 'Pengendali: {name}',
  'privacy.generated': 'Dibuat {at}',
  'privacy.activities': 'Kegiatan pemrosesan ({count})',
  'privacy.col.activity': 'Kegiatan',
  'privacy.col.subjects': 'Subjek data',
  'privacy.col.bases': 'Dasar pemrosesan',
  'privacy.col.retention': 'Masa retensi',
  'privacy.col.columns': 'Kolom data',
  'privacy.specific': 'Data spesifik',
  'privacy.general': 'Data umum',
  'privacy.columnsOf': 'Kolom data: {name}',
  'privacy.col.column': 'Tabel.kolom',
  'privacy.col.category': 'Kategori',
  'privacy.col.purpose': 'Tujuan',
  'privacy.safeguards': 'Langkah pelindungan',
  'privacy.kind.anak': 'anak',
  'privacy.kind.disabilitas': 'disabilitas',
  'privacy.kind.kesehatan': 'kesehatan',
};

export type PrivacyMessageKey = keyof typeof id;

const en: Record<PrivacyMessageKey, string> = {
  'privacy.lead':
    "The record of processing activities (UU 27/2022 Article 31), made from Sigap's data map: what is processed, for what, on which basis, who receives it and how long it is kept.",
  'privacy.pdf': 'Download the record of processing (PDF)',
  'privacy.controller': 'Controller: {name}',
  'privacy.generated': 'Made {at}',
  'privacy.activities': 'Processing activities ({count})',
  'privacy.col.activity': 'Activity',
  'privacy.col.subjects': 'Data subjects',
  'privacy.col.bases': 'Lawful basis',
  'privacy.col.retention': 'Retention',
  'privacy.col.columns': 'Data columns',
  'privacy.specific': 'Specific data',
  'privacy.general': 'General data',
  'privacy.columnsOf': 'Data columns: {name}',
  'privacy.col.column': 'Table.column',
  'privacy.col.category': 'Category',
  'privacy.col.purpose': 'Purpose',
  'privacy.safeguards': 'Safeguards',
  'privacy.kind.anak': 'children',
  'privacy.kind.disabilitas': 'disability',
  'privacy.kind.kesehatan': 'health',
};

registerMessages({ id, en });
