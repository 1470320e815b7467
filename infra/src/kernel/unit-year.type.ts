/** The key of most per-unit figures: a unit's code and a year (DataLoader keys, events). */
export interface UnitYear {
  unit: string;
  year: number;
}
