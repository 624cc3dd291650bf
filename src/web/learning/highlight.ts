// The search's highlighted passages as plain pieces of text: the server escapes the lesson's text (&, <, >)
// and puts <mark> around the matched words. The page renders the pieces as text nodes and <mark> elements,
// never as HTML, so nothing a writer typed can become markup.

/** A piece of a passage: matched words or the text between them. */
export type HighlightPiece = { text: string; isMatch: boolean };

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Undoes the server's escaping in one pass (so "&amp;lt;" reads "&lt;", as typed). */
function unescapeText(text: string): string {
  return text.replace(/&(?:lt|gt|amp);/g, (entity) => ENTITIES[entity]);
}

/** Splits a highlighted passage into text and matches; any other markup stays visible as text. */
export function parseHighlight(passage: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (text === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.isMatch === isMatch) last.text += text;
    else pieces.push({ text, isMatch });
  };
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let at = 0;
  for (const found of passage.matchAll(pattern)) {
    push(unescapeText(passage.slice(at, found.index)), false);
    push(unescapeText(found[1]), true);
    at = found.index + found[0].length;
  }
  push(unescapeText(passage.slice(at)), false);
  return pieces;
}
