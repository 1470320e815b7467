import type { FederatedSchemaSpec } from '@kesos/infra';
import { AccreditationResolver } from './accreditation/accreditation.resolver';
import { UnitAccreditationResolver } from './accreditation/accreditation.unit-resolver';
import { AtensiResolver } from './atensi/atensi.resolver';
import { UnitAtensiResolver } from './atensi/atensi.unit-resolver';
import { CertificationCandidateResolver, CertificationResolver } from './certification/certification.resolver';
import { UnitCertificationResolver } from './certification/certification.unit-resolver';
import { AccreditationStatsResolver } from './accreditation-stats/accreditation-stats.resolver';
import { AtensiStatsResolver } from './atensi-stats/atensi-stats.resolver';
import { CertificationStatsResolver } from './certification-stats/certification-stats.resolver';
import { CertificateResolver } from './certificate/certificate.resolver';
import { TrainingClassResolver } from './class/class.resolver';
import { EnrollmentResolver } from './enrollment/enrollment.resolver';
import { ImportJobResolver } from './import/import.resolver';
import { AlumniMonitoringResolver } from './monitoring/monitoring.resolver';
import { ParticipantResolver } from './participant/participant.resolver';
import { ProgrammeResolver } from './programme/programme.resolver';
import { TrainingStatsResolver } from './stats/stats.resolver';
import { TrainingVolumeResolver } from './volume/volume.unit-resolver';
import { CampusResolver, UnitResolver } from './unit/unit.resolver';
import { unitReference } from './unit/unit.reference';
import { ReportConsistencyTrainingResolver } from './report-consistency/report-consistency.resolver';
import { reportConsistencyReference } from './report-consistency/report-consistency.reference';
import { ReportConsistency } from './report-consistency/report-consistency.type';

export const trainingSchema: FederatedSchemaSpec = {
  resolvers: [
    UnitResolver,
    CampusResolver,
    ProgrammeResolver,
    TrainingClassResolver,
    ParticipantResolver,
    EnrollmentResolver,
    CertificateResolver,
    AlumniMonitoringResolver,
    ImportJobResolver,
    TrainingVolumeResolver,
    TrainingStatsResolver,
    CertificationResolver,
    CertificationCandidateResolver,
    UnitCertificationResolver,
    CertificationStatsResolver,
    AccreditationResolver,
    UnitAccreditationResolver,
    AccreditationStatsResolver,
    AtensiResolver,
    UnitAtensiResolver,
    AtensiStatsResolver,
    ReportConsistencyTrainingResolver,
  ],
  orphanedTypes: [ReportConsistency],
  referenceResolvers: { ...unitReference, ...reportConsistencyReference },
};
