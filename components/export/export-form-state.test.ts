import { describe, expect, it } from 'vitest';
import { parseExportSettings } from '@/lib/export/export-settings.ts';
import { formFromSettings, toSettings } from './export-form-state.ts';

const books = [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }];

describe('export form state', () => {
  it('starts from the defaults when the project has no export', () => {
    const f = formFromSettings(undefined, books);
    expect(f).toMatchObject({ bookIds: ['b1', 'b2', 'b3'], statuses: ['approved'], train: '60', group: 'chapter', unit: 'paragraph', includeHeadings: false });
    expect(parseExportSettings({ projectId: 'p', ...toSettings(f, books.length) })).toMatchObject({ ratios: { train: 60, dev: 20, test: 20 } });
  });

  it('gives back the last export’s settings unchanged (settings → form → settings)', () => {
    const last = parseExportSettings({
      projectId: 'p',
      bookIds: ['b2', 'b3'],
      filters: { statuses: ['approved', 'edited'], minDuration: 0.5, maxDuration: 12, maxCharsPerSec: 22, minConfidence: 0.6 },
      ratios: { train: 80, dev: 10, test: 10 },
      group: 'speaker',
      unit: 'sentence',
      includeHeadings: true,
      seed: 7,
      formats: ['tfrecord'],
      gzip: true,
      shardMB: 50,
      padMs: 120,
    });
    const again = parseExportSettings({ projectId: 'p', ...toSettings(formFromSettings(last, books), books.length) });
    expect(again).toEqual(last);
  });

  it('drops books that are gone, and falls back to every book when none is left', () => {
    const last = parseExportSettings({ projectId: 'p', bookIds: ['b2', 'gone'] });
    expect(formFromSettings(last, books).bookIds).toEqual(['b2']);
    expect(formFromSettings(parseExportSettings({ projectId: 'p', bookIds: ['gone'] }), books).bookIds).toEqual(['b1', 'b2', 'b3']);
    expect(formFromSettings(parseExportSettings({ projectId: 'p' }), books).bookIds).toEqual(['b1', 'b2', 'b3']);
  });
});
