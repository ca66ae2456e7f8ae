// The one way a failed zod parse reads for people, everywhere (routes, server actions, CLIs, the environment
// check): zod's own formatter, one "✖ message" line per issue followed by "→ at path" when it has one.
import { z } from 'zod';

export function formatZodError(error: z.core.$ZodError): string {
  return z.prettifyError(error);
}
