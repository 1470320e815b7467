import { UnitProfileProvenance1797000000000 } from './1797000000000-UnitProfileProvenance';
import { StatsProvenance1796900000000 } from './1796900000000-StatsProvenance';
import { Provenance1796800000000 } from './1796800000000-Provenance';
import { AtensiStats1796700000000 } from './1796700000000-AtensiStats';
import { AccreditationStats1796600000000 } from './1796600000000-AccreditationStats';
import { CertificationStats1796500000000 } from './1796500000000-CertificationStats';
import { TrainingStats1796400000000 } from './1796400000000-TrainingStats';
import { ClassGraduates1796300000000 } from './1796300000000-ClassGraduates';
import { CertificateNumberLength1796187399792 } from './1796187399792-CertificateNumberLength';
import { ImportHeartbeat1796012565207 } from './1796012565207-ImportHeartbeat';
import { Initial1795841451003 } from './1795841451003-Initial';
/** Applied in order by `npm run migrate`; generated with `npm run migration:generate`, reviewed by hand. */
export const trainingMigrations = [Initial1795841451003, ImportHeartbeat1796012565207, CertificateNumberLength1796187399792, ClassGraduates1796300000000, TrainingStats1796400000000, CertificationStats1796500000000, AccreditationStats1796600000000, AtensiStats1796700000000, Provenance1796800000000, StatsProvenance1796900000000, UnitProfileProvenance1797000000000];
