import { SurveyDemographicProvenance1796500000000 } from './1796500000000-SurveyDemographicProvenance';
import { Provenance1796221402279 } from './1796221402279-Provenance';
import { SurveyDemographicTotals1796208842876 } from './1796208842876-SurveyDemographicTotals';
import { QuarterCountersSurveyTotals1796200968582 } from './1796200968582-QuarterCountersSurveyTotals';
import { FactQuarter1796012388399 } from './1796012388399-FactQuarter';
import { Initial1795841431109 } from './1795841431109-Initial';
/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const performanceMigrations = [Initial1795841431109, FactQuarter1796012388399, QuarterCountersSurveyTotals1796200968582, SurveyDemographicTotals1796208842876, Provenance1796221402279, SurveyDemographicProvenance1796500000000];
