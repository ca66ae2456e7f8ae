import { describe, expect, it } from 'vitest';
import { fragmentKindOf, isHeading } from './fragment-kind.ts';

describe('fragmentKindOf', () => {
  it("makes the parser's headings headings and prose and verse paragraphs", () => {
    expect(fragmentKindOf('heading')).toBe('heading');
    expect(fragmentKindOf('prose')).toBe('paragraph');
    expect(fragmentKindOf('verse')).toBe('paragraph');
    expect(isHeading({ kind: 'heading' })).toBe(true);
    expect(isHeading({ kind: 'paragraph' })).toBe(false);
  });
});
