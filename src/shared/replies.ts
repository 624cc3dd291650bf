// Replies shared by many routes (decision 0022: every route declares its reply schema).
import { z } from 'zod';

/** 204: done, nothing to send back. */
export const NoContent = z.undefined().describe('Tanpa isi / no content');

/** `{ items: [...] }`, the shape of every list reply. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A yes/no filter in a query string (`?open=true`), absent when not asked. */
export const QueryFlag = z.enum(['true', 'false']).optional();

/** When a record was made and when it last changed. */
export const Stamped = z.object({ createdAt: z.string(), updatedAt: z.string() });

/** A record edited under its version (an edit made from an older version is refused), made and last changed when. */
export const VersionedRecord = z.object({
  version: z.number(),
  ...Stamped.shape,
});

/** A background task's failure (null unless it failed), and when it was started, last moved on and finished. */
export const TaskProgress = z.object({
  error: z.string().nullable(),
  ...Stamped.shape,
  finishedAt: z.string().nullable(),
});
