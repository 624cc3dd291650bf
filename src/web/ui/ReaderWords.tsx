// The text a reading was made from, with the words that decided it marked: shown on the report form and beside
// the WhatsApp and SMS messages a report came from.
import '../../shared/messages/reader.ts';
import { useT } from '../lang.ts';

type Span = readonly [number, number];

/** Cuts the text into plain and marked pieces; spans outside the text are left out, overlapping ones merge. */
export function markedPieces(text: string, spans: readonly Span[]): { text: string; marked: boolean }[] {
  const sorted = [...spans]
    .filter(([a, b]) => b > a && a >= 0 && b <= text.length)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), marked: false });
    out.push({ text: text.slice(a, b), marked: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** The figure "Kata yang menentukan": the text with the deciding words (`spans`) marked. */
export function ReaderWords(props: { text: string; spans: readonly Span[] }) {
  const t = useT();
  return (
    <figure class="reader-figure">
      <figcaption>{t('reader.words')}</figcaption>
      <p class="reader-text">
        {markedPieces(props.text, props.spans).map((piece, i) =>
          piece.marked ? (
            <mark key={i} class="reader-word">
              {piece.text}
            </mark>
          ) : (
            piece.text
          ),
        )}
      </p>
    </figure>
  );
}
