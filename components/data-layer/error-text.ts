// What to tell the user about a failed load or action (ErrorAlert shows it).
import { ApiError } from '../api-client.ts';

/** The API's own message (it says what to do next), or that the server could not be reached. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  // fetch rejects with a TypeError when the request got no answer (offline, server down)
  if (error instanceof TypeError) return 'Could not reach the server. Check the connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
