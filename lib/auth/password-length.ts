// The password length limits, apart from the policy (password-policy.ts) so that forms can use them without
// bundling its dictionaries.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
