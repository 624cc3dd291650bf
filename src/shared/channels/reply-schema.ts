// Answering the sender of a WhatsApp or SMS report from the report page: a template in Indonesian, or a short
// text the operator writes.
import { z } from 'zod';

import { REPLY_MAX, REPLY_TEMPLATE_IDS, type ReplyTemplate } from './reply-templates.ts';

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
