import { enumValue } from '../common/common.mapper';
import { Gender } from '../unit/unit.type';
import type { ParticipantEntity } from './participant.entity';
import type { Participant } from './participant.type';
import { Education, ParticipantCategory } from './participant.type';

export function toParticipant(row: ParticipantEntity): Participant {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    gender: Gender[row.gender],
    education: enumValue(Education, row.education, 'education'),
    category: enumValue(ParticipantCategory, row.category, 'participant category'),
    originProvince: row.originProvince,
    originRegency: row.originRegency,
    nikCipher: row.nikCipher,
    nikMasked: row.nikMasked,
    name: row.name,
    birthDate: row.birthDate,
  };
}
