import { describe, expect, it } from 'vitest';
import { parseWibFieldDate, parseWibFieldTime, splitWibFieldValue, wibStamp } from './time.ts';

describe('WIB date fields in Indonesian order', () => {
  it('shows a stored value as day/month/year and a 24-hour time', () => {
    expect(splitWibFieldValue('2026-08-22T21:30')).toEqual({ date: '22/08/2026', time: '21.30' });
    expect(splitWibFieldValue('2026-08-22')).toEqual({ date: '22/08/2026', time: '' });
    expect(splitWibFieldValue('')).toEqual({ date: '', time: '' });
  });

  it('reads a typed day and time back, refusing days and hours that do not exist', () => {
    expect(parseWibFieldDate('22/08/2026')).toBe('2026-08-22');
    expect(parseWibFieldDate('1-2-2026')).toBe('2026-02-01');
    expect(parseWibFieldDate('31/02/2026')).toBeUndefined();
    expect(parseWibFieldDate('08/22/2026')).toBeUndefined();
    expect(parseWibFieldTime('21.30')).toBe('21:30');
    expect(parseWibFieldTime('7:05')).toBe('07:05');
    expect(parseWibFieldTime('9.30 PM')).toBeUndefined();
    expect(parseWibFieldTime('24.00')).toBeUndefined();
  });
});

describe('an instant as printed in texts and PDFs', () => {
  it('shows the WIB day and time, from an instant or any ISO text of it', () => {
    expect(wibStamp(new Date('2026-08-22T14:30:00Z'))).toBe('2026-08-22 21:30 WIB');
    expect(wibStamp('2026-08-22T21:30:00+07:00')).toBe('2026-08-22 21:30 WIB');
    // a UTC text late in the day is already the next day in WIB
    expect(wibStamp('2026-08-22T20:15:00Z')).toBe('2026-08-23 03:15 WIB');
  });
});
