// Runs once when the Next.js server starts: what it creates (uploads, the database's -wal/-shm) is private, 600/700
// (PRIVATE_UMASK in lib/config/make-data-private.ts; not imported: this file is also built for the edge runtime).
export function register(): void {
  // the edge runtime has no file system, nor a umask
  if (process.env.NEXT_RUNTIME === 'nodejs') process.umask(0o077);
}
