// The order of a partner agency's dispositions: what still waits for them first, answered ones after.

/** The fields the order reads. */
export type OrderedDisposition = { status: string; dueAt: string; answeredAt: string | null };

/** Waiting for the agency's first answer. */
export function awaitsAnswer(d: OrderedDisposition): boolean {
  return d.status === 'terkirim' || (d.status !== 'selesai' && d.status !== 'ditolak' && !d.answeredAt);
}

/** Accepted and answered, work still going on. */
export function isInProgress(d: OrderedDisposition): boolean {
  return !awaitsAnswer(d) && d.status !== 'selesai' && d.status !== 'ditolak';
}

const group = (d: OrderedDisposition) => (awaitsAnswer(d) ? 0 : isInProgress(d) ? 1 : 2);

/**
 * Open work first: those awaiting an answer (the most overdue first), then those accepted and in progress
 * (by due date), then the finished or declined (the latest answer first).
 */
export function sortDispositions<T extends OrderedDisposition>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup !== 0) return byGroup;
    if (group(a) === 2) return (b.answeredAt ?? b.dueAt).localeCompare(a.answeredAt ?? a.dueAt);
    return a.dueAt.localeCompare(b.dueAt);
  });
}
