import { describe, expect, it } from 'vitest';
import { sortDispositions } from './disposition-order.ts';

const d = (id: string, status: string, dueAt: string, answeredAt: string | null = null) => ({
  id,
  status,
  dueAt,
  answeredAt,
});

describe('the order of a partner agency’s dispositions', () => {
  it('puts a new disposition before every answered one, however old those are', () => {
    const items = [
      d('done-old', 'selesai', '2025-12-01T10:00:00+07:00', '2025-12-02T10:00:00+07:00'),
      d('accepted', 'diterima', '2026-01-01T10:00:00+07:00', '2026-01-01T09:00:00+07:00'),
      d('new', 'terkirim', '2026-12-10T10:00:00+07:00'),
      d('overdue', 'terkirim', '2026-11-01T10:00:00+07:00'),
      d('declined', 'ditolak', '2026-02-01T10:00:00+07:00', '2026-02-03T10:00:00+07:00'),
    ];
    expect(sortDispositions(items).map((x) => x.id)).toEqual([
      'overdue',
      'new',
      'accepted',
      'declined',
      'done-old',
    ]);
  });
});
