// Answering the sender of a WhatsApp or SMS report from the report page: a template in Indonesian, or a short
// text the operator writes.
import { z } from 'zod';

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

/** A reply: exactly one of a template and a text; `requestId` makes a retried submission send nothing more. */
export const ReplyInput = z
  .object({
    requestId: z.uuid(),
    template: z.enum(REPLY_TEMPLATE_IDS as [ReplyTemplate, ...ReplyTemplate[]]).optional(),
    text: z.string().trim().min(2).max(REPLY_MAX).optional(),
  })
  .refine((r) => (r.template === undefined) !== (r.text === undefined), {
    path: ['text'],
    message: 'pilih templat atau tulis teks (salah satu)',
  });
export type ReplyInput = z.infer<typeof ReplyInput>;

export const ReplyResult = z.object({
  channel: z.enum(['whatsapp', 'sms']),
  text: z.string(),
  isNew: z.boolean(),
});
export type ReplyResult = z.infer<typeof ReplyResult>;
