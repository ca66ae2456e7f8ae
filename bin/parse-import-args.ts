// `alinea import`'s flags. Several files may follow one --audio (`--audio *.mp3`, as a shell expands a glob):
// node's parseArgs takes one value per flag, so the arguments right after an --audio value are more audio files.
// Any other stray argument is an error with parseArgs' own code, which the CLI answers with the usage.
import { parseArgs } from 'node:util';

const OPTIONS = {
  project: { type: 'string' },
  audio: { type: 'string', multiple: true },
  text: { type: 'string' },
  title: { type: 'string' },
  author: { type: 'string' },
  speaker: { type: 'string' },
  language: { type: 'string' },
  'no-accept': { type: 'boolean' },
  align: { type: 'boolean' },
} as const;

export type ImportArgs = Omit<ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'], 'audio'> & { audio: string[] };

export function parseImportArgs(argv: string[]): ImportArgs {
  const { values, tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, tokens: true });
  const audio: string[] = [];
  let afterAudio = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      afterAudio = token.name === 'audio';
      if (afterAudio && token.value !== undefined) audio.push(token.value);
    } else if (token.kind === 'positional') {
      if (!afterAudio) {
        throw Object.assign(new TypeError(`Unexpected argument '${token.value}': only audio files may follow --audio without a flag of their own.`), {
          code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
        });
      }
      audio.push(token.value);
    }
  }
  return { ...values, audio };
}
