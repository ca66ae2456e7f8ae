/** aeneas' default fragment ids: f000001, f000002 … (1-based). */
export function fragmentId(index: number): string {
  return `f${String(index).padStart(6, '0')}`;
}
