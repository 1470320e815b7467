import 'reflect-metadata';
import type { ServiceDefinition } from '@kesos/infra';
import {
  AccreditationAssessmentEntity,
  AccreditationTargetEntity,
  LksInstitutionEntity,
} from './accreditation/accreditation.entity';
import { AtensiCaseEntity } from './atensi/atensi.entity';
import {
  CertificationAssessmentEntity,
  CertificationCandidateEntity,
  CertificationSessionEntity,
} from './certification/certification.entity';
import { AccreditationStatsRollupEntity } from './accreditation-stats/accreditation-stats.entity';
import { AtensiStatsRollupEntity } from './atensi-stats/atensi-stats.entity';
import { CertificationStatsRollupEntity } from './certification-stats/certification-stats.entity';
import { trainingMigrations } from './migrations';
import { trainingSchema } from './schema';
import { seedTraining } from './seed/training.seed';
import { TrainingClassEntity } from './class/class.entity';
import { EnrollmentEntity } from './enrollment/enrollment.entity';
import { ImportJobEntity, ImportRowErrorEntity } from './import/import.entity';
import { AlumniMonitoringEntity } from './monitoring/monitoring.entity';
import { ParticipantEntity } from './participant/participant.entity';
import { ProgrammeEntity } from './programme/programme.entity';
import {
  TrainingStatsCoarseEntity,
  TrainingStatsParticipantEntity,
  TrainingStatsPeopleEntity,
  TrainingStatsPersonYearEntity,
  TrainingStatsRollupEntity,
} from './stats/stats.entity';
import {
  CampusEntity,
  FacilityEntity,
  StaffCountEntity,
  StaffJobCountEntity,
  UnitEntity,
  WorkAreaProvinceEntity,
} from './unit/unit.entity';

export const trainingService: ServiceDefinition = {
  name: 'training',
  defaultPort: 4001,
  entities: [
    UnitEntity,
    WorkAreaProvinceEntity,
    StaffCountEntity,
    CampusEntity,
    FacilityEntity,
    StaffJobCountEntity,
    ProgrammeEntity,
    TrainingClassEntity,
    ParticipantEntity,
    EnrollmentEntity,
    AlumniMonitoringEntity,
    ImportJobEntity,
    ImportRowErrorEntity,
    CertificationCandidateEntity,
    CertificationSessionEntity,
    CertificationAssessmentEntity,
    LksInstitutionEntity,
    AccreditationAssessmentEntity,
    AccreditationTargetEntity,
    AtensiCaseEntity,
    TrainingStatsRollupEntity,
    TrainingStatsParticipantEntity,
    TrainingStatsCoarseEntity,
    TrainingStatsPersonYearEntity,
    TrainingStatsPeopleEntity,
    CertificationStatsRollupEntity,
    AccreditationStatsRollupEntity,
    AtensiStatsRollupEntity,
  ],
  migrations: trainingMigrations,
  schema: trainingSchema,
  consumers: [],
  publicRootFields: ['verifyCertificate'],
  seed: (dataSource) => seedTraining(dataSource),
};

export { rebuildTrainingStats } from './stats/stats.service';
export { rebuildCertificationStats } from './certification-stats/certification-stats.service';
export { rebuildAccreditationStats } from './accreditation-stats/accreditation-stats.service';
export { rebuildAtensiStats } from './atensi-stats/atensi-stats.service';
