// The words of the provocation watch as plain constant lists. Zod-free on purpose: the web bundle imports these
// (through provocation-rules.ts) without the schema library.

/** The choices, in the order forms show them; the schemas are built from these. */
export const ASSESSMENTS = ['provokasi', 'hoaks', 'ujaran_kebencian', 'ancaman', 'bukan_masalah'] as const;
export const PLATFORMS = ['whatsapp', 'facebook', 'tiktok', 'instagram', 'x', 'youtube', 'lainnya'] as const;
export const OUTCOMES = ['beredar', 'diturunkan', 'diklarifikasi'] as const;
export const CARRIERS = [
  'tokoh_agama',
  'tokoh_masyarakat',
  'pengurus_perguruan',
  'polisi',
  'diskominfo',
  'lainnya',
] as const;
