import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseImportArgs } from './parse-import-args.ts';

const run = promisify(execFile);

describe('parseImportArgs', () => {
  it('takes every file after one --audio, as a shell glob expands `--audio *.mp3`', () => {
    const args = parseImportArgs(['--project', 'Cuentos', '--audio', 'a_01.mp3', 'a_02.mp3', 'a_10.mp3', '--text', 'libro.txt', '--align']);
    expect(args).toMatchObject({ project: 'Cuentos', audio: ['a_01.mp3', 'a_02.mp3', 'a_10.mp3'], text: 'libro.txt', align: true });
  });

  it('keeps repeated --audio flags, mixed with lists, in the order given', () => {
    expect(parseImportArgs(['--audio', 'b.mp3', '--text', 't.txt', '--audio=c.zip', 'd.mp3', '--audio', 'a.mp3']).audio).toEqual(['b.mp3', 'c.zip', 'd.mp3', 'a.mp3']);
  });

  it('refuses a stray argument that follows another flag, with the usage error code', () => {
    expect(() => parseImportArgs(['--text', 'libro.txt', 'extra.txt', '--audio', 'a.mp3'])).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', message: expect.stringContaining("'extra.txt'") }),
    );
    expect(() => parseImportArgs(['stray.mp3', '--audio', 'a.mp3'])).toThrow(/Unexpected argument 'stray\.mp3'/);
    expect(() => parseImportArgs(['--audio', 'a.mp3', '--nope'])).toThrow(expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }));
  });
});

describe('alinea import (CLI arguments)', () => {
  it('reads several files after one --audio: the second is looked for as audio, not refused as an argument', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alinea-import-args-'));
    writeFileSync(path.join(dir, 'a_01.mp3'), 'x');
    writeFileSync(path.join(dir, 'libro.txt'), 'x');
    const env = { ...process.env, ALINEA_DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, 'alinea.db')}` };
    // a_02.mp3 does not exist: the import stops there, before touching anything, naming it as an audio file
    const failed = await run(process.execPath, ['bin/alinea.mjs', 'import', '--project', 'P', '--audio', path.join(dir, 'a_01.mp3'), path.join(dir, 'a_02.mp3'), '--text', path.join(dir, 'libro.txt')], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining(`File not found: ${path.join(dir, 'a_02.mp3')}`) });
    expect((failed as { stderr: string }).stderr).not.toMatch(/Unexpected argument/);

    const stray = await run(process.execPath, ['bin/alinea.mjs', 'import', '--project', 'P', '--text', 'libro.txt', 'x.txt', '--audio', 'a_01.mp3'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(stray).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unexpected argument 'x\.txt'[\s\S]*alinea import --project NAME --audio FILE/) });
  }, 60_000);
});
