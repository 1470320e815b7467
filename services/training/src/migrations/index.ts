import { Initial1795840342877 } from './1795840342877-Initial';
/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const trainingMigrations = [Initial1795840342877];
