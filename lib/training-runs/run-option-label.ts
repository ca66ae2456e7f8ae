// How a finished run is named where one is picked to check a chapter: its size, step and dev CER, and whether
// that dev CER lets it judge alignments at all (check-readiness.ts).
import { MAX_CHECK_DEV_CER } from './check-readiness.ts';

export function runOptionLabel(r: { id: string; settings: { model?: string }; step: number; devCer: number | null }): string {
  const cer = r.devCer === null ? 'no dev CER' : `dev CER ${(r.devCer * 100).toFixed(0)} %`;
  const weak = r.devCer === null || r.devCer > MAX_CHECK_DEV_CER ? ' · too weak to check' : '';
  return `${r.id} · ${r.settings.model ?? '?'} · step ${r.step} · ${cer}${weak}`;
}
