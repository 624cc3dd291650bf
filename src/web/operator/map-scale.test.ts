import { describe, expect, it } from 'vitest';
import { countClasses, fillOf, GAP_FILLS, gapFill, NO_DATA_FILL, warningFill } from './map-scale.ts';

describe('the map legend', () => {
  it('keeps zero apart and splits counts into at most four steps', () => {
    expect(countClasses(0).map((c) => [c.from, c.to])).toEqual([[0, 0]]);
    expect(countClasses(2).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(countClasses(10).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 3],
      [4, 6],
      [7, 9],
      [10, 10],
    ]);
  });

  it('colours a value by the class it falls in', () => {
    const classes = countClasses(10);
    expect(fillOf(0, classes)).toBe(classes[0].fill);
    expect(fillOf(5, classes)).toBe(classes[2].fill);
    expect(fillOf(99, classes)).toBe(classes[4].fill);
  });

  it('tells met targets, gaps and areas without a target apart', () => {
    expect(gapFill(null)).toBe(NO_DATA_FILL);
    expect(gapFill(0)).toBe(GAP_FILLS.met);
    expect(gapFill(2)).toBe(GAP_FILLS.small);
    expect(gapFill(6)).toBe(GAP_FILLS.large);
    expect(warningFill('siaga')).not.toBe(warningFill('awas'));
    expect(warningFill(undefined)).toBe(NO_DATA_FILL);
  });
});
