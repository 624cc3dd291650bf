// @vitest-environment jsdom
// A form's draft as its fields see it: each text field bound by its key, changes that do not undo each other,
// and one reset after the form was sent.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { textOrNull, useDraft } from './draft.ts';

type Branch = { name: string; note: string; level: 'cabang' | 'ranting' };
const EMPTY: Branch = { name: '', note: '', level: 'cabang' };

function mounted(lengths: Parameters<typeof useDraft<Branch>>[1] = {}) {
  const form: { current?: ReturnType<typeof useDraft<Branch>> } = {};
  function Probe() {
    form.current = useDraft(EMPTY, lengths);
    return null;
  }
  act(() => render(h(Probe, null), document.createElement('div')));
  return () => form.current as ReturnType<typeof useDraft<Branch>>;
}

describe('useDraft', () => {
  it('gives each text field its own value and keeps both of two changes made at once', () => {
    const form = mounted();
    act(() => {
      form().field('name').onInput('Ranting Sukun');
      form().field('note').onInput('dekat pasar');
    });
    expect(form().draft).toEqual({ name: 'Ranting Sukun', note: 'dekat pasar', level: 'cabang' });
    expect(form().field('name').value).toBe('Ranting Sukun');
  });

  it('sets a part that is not a text field and empties the whole form on reset', () => {
    const form = mounted();
    act(() => {
      form().set('level', 'ranting');
      form().field('name').onInput('Cabang Bangkalan');
    });
    expect(form().draft.level).toBe('ranting');
    act(() => form().reset());
    expect(form().draft).toEqual(EMPTY);
  });

  it('gives a text with a length its bounds and keeps send off while it is too short once trimmed', () => {
    const form = mounted({ name: { min: 3, max: 200 }, note: { max: 500 } });
    expect(form().field('name')).toMatchObject({ minLength: 3, maxLength: 200 });
    expect(form().field('note')).toMatchObject({ maxLength: 500 });
    expect(form().field('note')).not.toHaveProperty('minLength');
    expect(form().isTooShort).toBe(true);
    act(() => form().field('name').onInput(' Ab '));
    expect(form().isTooShort).toBe(true);
    act(() => form().field('name').onInput('Abu'));
    expect(form().isTooShort).toBe(false);
  });

  it('gives a text without a length no bounds and never holds send back for it', () => {
    const form = mounted();
    expect(form().field('name')).not.toHaveProperty('maxLength');
    expect(form().isTooShort).toBe(false);
  });
});

describe('textOrNull', () => {
  it('trims a text and answers null for one with nothing in it', () => {
    expect(textOrNull('  Jl. Raya 5 ')).toBe('Jl. Raya 5');
    expect(textOrNull('   ')).toBeNull();
    expect(textOrNull('')).toBeNull();
  });
});
