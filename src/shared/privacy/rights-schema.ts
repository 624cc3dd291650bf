// The contracts of the rights requests (UU 27/2022): a request with its deadline and answer, a correction, a legal
// hold, and the person's file.
import { z } from 'zod';
import { Instant } from '../calendar-date.ts';
import { ColumnPurpose } from './privacy-schema.ts';
import { REQUEST_KINDS, SUBJECT_TABLES } from './rights-rules.ts';

/** One record a request concerns: a table and a row id from the subject search. */
export const RecordRef = z.object({ table: z.enum(SUBJECT_TABLES), id: z.uuid() });
export type RecordRef = z.infer<typeof RecordRef>;

/** A request as the data protection officer records it. */
export const RightsRequestInput = z.object({
  /** Chosen by the client: a retried submission is the same request. */
  id: z.uuid(),
  kind: z.enum(REQUEST_KINDS),
  requestedBy: z.enum(['subjek', 'wali', 'kuasa']).default('subjek'),
  /** When the office received it (ISO with offset; the deadline runs from here). */
  receivedAt: Instant(),
  records: z.array(RecordRef).min(1, 'Pilih paling sedikit satu catatan dari hasil pencarian').max(50),
});
export type RightsRequestInput = z.infer<typeof RightsRequestInput>;

export const RightsRequestView = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_KINDS),
  kindLabel: z.string(),
  requestedBy: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  /** Where the deadline comes from (an article of UU 27/2022, or the office's own target). */
  deadlineSource: z.string(),
  records: z.array(RecordRef.extend({ label: z.string() })),
  status: z.enum(['diproses', 'selesai', 'ditolak']),
  answer: z.string(),
  answeredAt: z.string().nullable(),
  clock: z.object({ state: z.enum(['berjalan', 'mendekati', 'lewat', 'selesai']), hoursLeft: z.number() }),
});
export type RightsRequestView = z.infer<typeof RightsRequestView>;

export const RightsRequestList = z.object({ items: z.array(RightsRequestView) });
export type RightsRequestList = z.infer<typeof RightsRequestList>;

/** The answer that closes an access or correction request (what was given or done). */
export const RequestAnswerInput = z.object({
  answer: z.string().trim().min(3, 'Tuliskan jawaban kepada pemohon').max(4000),
});

/** One field corrected on one record of a correction request. */
export const CorrectionInput = z.object({
  table: z.enum(SUBJECT_TABLES),
  id: z.uuid(),
  field: z.string().min(1).max(60),
  value: z.string().max(4000),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

/** A legal hold set or lifted on a record or a whole case. */
export const LegalHoldInput = z.object({
  table: z.enum([...SUBJECT_TABLES, 'cases']),
  id: z.uuid(),
  reason: z.string().trim().min(3, 'Sebutkan dasar hukum penahanan').max(500),
  active: z.boolean().default(true),
});
export type LegalHoldInput = z.infer<typeof LegalHoldInput>;

export const LegalHoldView = z.object({
  table: z.string(),
  id: z.string(),
  reason: z.string(),
  active: z.boolean(),
});

/** The person's file (berkas data pribadi): every record of the request with its declared fields. */
export const PersonFile = z.object({
  requestId: z.string(),
  controller: z.string(),
  generatedAt: z.string(),
  records: z.array(
    z.object({
      table: z.string(),
      id: z.string(),
      label: z.string(),
      fields: z.array(
        z.object({
          column: z.string(),
          value: z.string().nullable(),
          ...ColumnPurpose.shape,
        }),
      ),
    }),
  ),
});
export type PersonFile = z.infer<typeof PersonFile>;

export const PersonFileQuery = z.object({ format: z.enum(['json', 'pdf']).default('json') });

/** The purposes consent is recorded for. */
export const CONSENT_PURPOSES = ['kontak_balik', 'registri_pilar', 'wali_anak'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Consent given or withdrawn: a reporter by phone, a pillar or a child by the record's id. */
export const ConsentInput = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    phone: z.string().trim().min(8).max(20).optional(),
    subjectId: z.uuid().optional(),
    action: z.enum(['beri', 'tarik']),
  })
  .refine((c) => (c.purpose === 'kontak_balik' ? Boolean(c.phone) : Boolean(c.subjectId)), {
    message: 'Isi nomor telepon pelapor, atau id pilar/anak',
  });
export type ConsentInput = z.infer<typeof ConsentInput>;

export const ConsentQuery = z.object({
  phone: z.string().trim().min(8).max(20).optional(),
  subjectId: z.uuid().optional(),
});

export const ConsentView = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  purposeLabel: z.string(),
  state: z.enum(['diberikan', 'ditarik', 'belum_dicatat']),
  givenAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** What Sigap does about it: contact stopped, data anonymised, or kept on which other basis. */
  effect: z.string(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const ConsentList = z.object({ items: z.array(ConsentView) });
export type ConsentList = z.infer<typeof ConsentList>;
