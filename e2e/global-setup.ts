// Generates the audiobook the specs upload: 3 espeak-ng MP3s + a Gutenberg-style ebook (never downloaded).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeDemoFiles } from '../lib/demo/write-demo-files.ts';

export const FIXTURE_DIR = path.resolve('tmp/e2e-fixtures');

export default async function globalSetup() {
  if (existsSync(path.join(FIXTURE_DIR, 'faro-de-la-isla.txt'))) return;
  mkdirSync(FIXTURE_DIR, { recursive: true });
  await writeDemoFiles(FIXTURE_DIR);
}
