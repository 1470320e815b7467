import type { TrainingClassEntity } from './class.entity';
import type { TrainingClass } from './class.type';
import { ClassStatus } from './class.type';

export function toTrainingClass(row: TrainingClassEntity): TrainingClass {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    year: row.year,
    batch: row.batch,
    name: row.name,
    province: row.province,
    regency: row.regency,
    startDate: row.startDate,
    endDate: row.endDate,
    capacity: row.capacity,
    targetParticipants: row.targetParticipants,
    status: ClassStatus[row.status],
    satkerCode: row.satkerCode,
    programmeId: row.programmeId,
  };
}
