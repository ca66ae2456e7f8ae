// A checkpoint's folder name, `step-NNNNNNNN` (zero-padded, so names sort as steps do). No tfjs import: the app's
// routes list checkpoints by name.

export const checkpointName = (step: number): string => `step-${String(step).padStart(8, '0')}`;

/** The step a checkpoint folder name stands for; null for any other name. */
export function checkpointStep(name: string): number | null {
  return /^step-\d+$/.test(name) ? Number(name.slice('step-'.length)) : null;
}
