import { Initial1795840289288 } from './1795840289288-Initial';
/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const performanceMigrations = [Initial1795840289288];
