import { StatsProvenance1796500000000 } from './1796500000000-StatsProvenance';
import { OutputVolumeRecords1796400000000 } from './1796400000000-OutputVolumeRecords';
import { Provenance1796221396592 } from './1796221396592-Provenance';
import { BudgetStatsRollup1796209110344 } from './1796209110344-BudgetStatsRollup';
import { IkpaComponentScores1796013822381 } from './1796013822381-IkpaComponentScores';
import { Initial1795841416135 } from './1795841416135-Initial';
/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const budgetMigrations = [
  Initial1795841416135,
  IkpaComponentScores1796013822381,
  BudgetStatsRollup1796209110344,
  Provenance1796221396592,
  OutputVolumeRecords1796400000000,
  StatsProvenance1796500000000,
];
