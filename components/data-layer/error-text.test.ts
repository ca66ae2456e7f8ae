import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client.ts';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('shows the server’s message as it is', () => {
    expect(errorText(new ApiError('Run run_1 does not exist.', 404, 'NOT_FOUND'))).toBe('Run run_1 does not exist.');
  });

  it('says the server could not be reached when fetch got no answer', () => {
    expect(errorText(new TypeError('Failed to fetch'))).toMatch(/^Could not reach the server\./);
  });

  it('falls back to any error’s message, or the thrown value', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText('plain')).toBe('plain');
  });
});
