import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getAuth } from './auth.ts';
import { createUser } from './create-user.ts';
import { passwordProblem } from './password-policy.ts';
import { signIn } from './sign-in.ts';

describe('passwordProblem', () => {
  it.each([
    ['12345678', /at least 10 characters/],
    ['password', /at least 10 characters/],
    ['1234567890', /too easy to guess \(it is one of the (ten|hundred) most used passwords\)/],
    ['password123', /too easy to guess \(it is a commonly used password\)/],
    ['Password2024!', /too easy to guess/],
    ['qwertyuiop', /too easy to guess/],
    ['aaaaaaaaaaaa', /too easy to guess \(it repeats characters\)/],
    ['iloveyou123', /too easy to guess/],
    ['alinea2024!', /too easy to guess/],
    ['x'.repeat(129), /at most 128 characters/],
  ])('refuses %j', (password, why) => {
    expect(passwordProblem(password)).toMatch(why);
  });

  it.each(['tide lamp orchard', 'correct horse 1', 'e2e admin password', 'Vd8#kq2!mZp4'])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it('a password built on the address is weak', () => {
    expect(passwordProblem('rosalinda1990', [])).toBeNull();
    expect(passwordProblem('rosalinda1990', ['rosalinda@example.org', 'rosalinda'])).toMatch(/email address/);
  });
});

describe('users get only good passwords', () => {
  useTestEnv();

  it('createUser refuses short and common passwords with a message, not a ZodError', async () => {
    for (const password of ['12345678', 'password', 'password1234']) {
      await expect(createUser({ email: 'ana@example.org', password })).rejects.toMatchObject({
        name: 'AppError',
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/→ at password/),
      });
    }
    await createUser({ email: 'ana@example.org', password: 'tide lamp orchard', role: 'admin' });
  });

  it('better-auth\'s change-password takes the same policy', async () => {
    const { cookie } = await signIn('ana@example.org', 'tide lamp orchard');
    const change = (newPassword: string) =>
      getAuth().handler(
        new Request('http://localhost:3000/api/auth/change-password', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
          body: JSON.stringify({ currentPassword: 'tide lamp orchard', newPassword }),
        }),
      );
    const weak = await change('password1234');
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { message: string }).message).toMatch(/too easy to guess/);
    expect((await change('orchard tide lamp 7')).status).toBe(200);
  });
});
