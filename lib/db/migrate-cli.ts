import { migrateDatabase } from './migrate-database.ts';

const applied = await migrateDatabase();
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
