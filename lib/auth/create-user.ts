// Creates a user with an email + password account (better-auth hashes the password and stores it in Account).
// The way users come to exist: public sign-up is off, so admins (the CLI, /admin/users, the first start) call this.
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { parseInput } from '../errors/parse-input.ts';
import { getAuth } from './auth.ts';
import { passwordProblem } from './password-policy.ts';
import { roleSchema } from './roles.ts';

export const createUserInput = z
  .object({
    email: z.email().transform((e) => e.toLowerCase()),
    password: z.string(),
    name: z.string().trim().max(200).optional(),
    role: roleSchema.default('reviewer'),
    /** When the user exists: set this password and role instead of failing (and sign them out everywhere). */
    update: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    // a password built on the address (ana@… → "ana2024ana!") is as weak as a common one
    const problem = passwordProblem(input.password, [input.email, ...input.email.split(/[@.+_-]/)]);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export type CreatedUser = { id: string; email: string; name: string | null; role: string; created: boolean };

export async function createUser(raw: z.input<typeof createUserInput>): Promise<CreatedUser> {
  const input = parseInput(createUserInput, raw);
  const ctx = await getAuth().$context;
  const existing = await ctx.internalAdapter.findUserByEmail(input.email, { includeAccounts: true });
  const hash = await ctx.password.hash(input.password);
  if (existing) {
    const hasPassword = existing.accounts.some((a) => a.providerId === 'credential');
    // a user row without a password (e.g. made by an older seed) gets one; otherwise only with update
    if (hasPassword && !input.update) {
      throw new AppError('CONFLICT', `${input.email} already exists. Change their role on the Users page, or pass --update to set a new password.`, {
        email: input.email,
      });
    }
    const id = existing.user.id;
    if (hasPassword) {
      await ctx.internalAdapter.updatePassword(id, hash);
      await ctx.internalAdapter.deleteUserSessions(id);
    } else {
      await ctx.internalAdapter.linkAccount({ userId: id, providerId: 'credential', accountId: id, password: hash });
    }
    const user = await ctx.internalAdapter.updateUser(id, { role: input.role, ...(input.name ? { name: input.name } : {}) });
    return { id, email: input.email, name: (user?.name as string | null) ?? null, role: input.role, created: false };
  }
  const user = await ctx.internalAdapter.createUser({
    email: input.email,
    name: input.name ?? input.email.split('@')[0]!,
    emailVerified: false,
    role: input.role,
  }, { method: 'email-password' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  return { id: user.id, email: user.email, name: user.name ?? null, role: input.role, created: true };
}
