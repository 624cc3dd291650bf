// Replies shared by many routes (decision 0022: every route declares its reply schema).
import { z } from 'zod';

/** 204: done, nothing to send back. */
export const NoContent = z.undefined().describe('Tanpa isi / no content');

/** `{ items: [...] }`, the shape of every list reply. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A yes/no filter in a query string (`?open=true`), absent when not asked. */
export const QueryFlag = z.enum(['true', 'false']).optional();
