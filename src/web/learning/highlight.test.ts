import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight.ts';

describe('the search highlights', () => {
  it('splits a passage into plain text and matched words', () => {
    expect(parseHighlight('<mark>Konvoi</mark> <mark>pengesahan</mark> warga baru melewati Tanggul')).toEqual(
      [
        { text: 'Konvoi', isMatch: true },
        { text: ' ', isMatch: false },
        { text: 'pengesahan', isMatch: true },
        { text: ' warga baru melewati Tanggul', isMatch: false },
      ],
    );
  });

  it('shows what the writer typed as text, markup included, and undoes the escaping once', () => {
    expect(parseHighlight('&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; <mark>mengungsi</mark>')).toEqual([
      { text: '<script>alert(1)</script> &lt; ', isMatch: false },
      { text: 'mengungsi', isMatch: true },
    ]);
  });

  it('keeps a passage without matches whole', () => {
    expect(parseHighlight('Dapur umum &amp; pencatatan')).toEqual([
      { text: 'Dapur umum & pencatatan', isMatch: false },
    ]);
    expect(parseHighlight('')).toEqual([]);
  });
});
