/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const trainingMigrations = [];
