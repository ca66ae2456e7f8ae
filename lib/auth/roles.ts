// The two roles of the studio. Reviewers edit and approve; admins also upload, delete, export and train.
import { z } from 'zod';

export const ROLES = ['admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Whether a user with `role` may do what needs `needed` (an admin may do everything a reviewer may). */
export function hasRole(role: string | null | undefined, needed: Role): boolean {
  if (role === 'admin') return true;
  return needed === 'reviewer' && role === 'reviewer';
}
