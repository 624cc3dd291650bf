// The templates of answering a sender from the report page (no zod: the web page takes them as they are).

/** The templates an operator may pick; the sender is a citizen or a pillar, so they are in Indonesian. */
export const REPLY_TEMPLATES = {
  diterima: 'Sigap: laporan Anda sudah diterima dan sedang ditangani petugas. Terima kasih.',
  petugas_menuju: 'Sigap: petugas sedang menuju lokasi. Jauhi kerumunan dan tetaplah di tempat yang aman.',
  minta_rincian:
    'Sigap: mohon kirim rincian tambahan: nama desa/kecamatan, berapa orang terdampak, dan apakah ada anak, lansia atau penyandang disabilitas.',
  selesai: 'Sigap: laporan Anda sudah ditindaklanjuti. Terima kasih atas informasinya.',
} as const;
export type ReplyTemplate = keyof typeof REPLY_TEMPLATES;
export const REPLY_TEMPLATE_IDS = Object.keys(REPLY_TEMPLATES) as ReplyTemplate[];

export const REPLY_MAX = 320;
