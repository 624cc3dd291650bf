import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderProcessingRecordPdf } from './processing-record-pdf.ts';
import { buildProcessingRecord } from './processing-record-rules.ts';

/** The text of a PDF as pdftotext reads it, with runs of spaces folded. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-pdf-'));
  try {
    const file = path.join(dir, 'record.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the record of processing as a PDF', () => {
  it('names the kinds of specific data in English in the English record', async () => {
    const text = pdfText(
      await renderProcessingRecordPdf(buildProcessingRecord('en', '2026-08-22T21:30:00+07:00')),
    );
    expect(text).toContain('specific (children, disability)');
    expect(text).toContain('specific (health, disability)');
    expect(text).not.toMatch(/\b(anak|disabilitas|kesehatan)\b/);
  });

  it('names them in Indonesian in the Indonesian record', async () => {
    const text = pdfText(
      await renderProcessingRecordPdf(buildProcessingRecord('id', '2026-08-22T21:30:00+07:00')),
    );
    expect(text).toContain('spesifik (anak, disabilitas)');
  });
});
