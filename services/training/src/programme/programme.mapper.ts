import { enumValue } from '../common/common.mapper';
import { ParticipantCategory } from '../participant/participant.type';
import type { ProgrammeEntity } from './programme.entity';
import type { Programme } from './programme.type';

export function toProgramme(row: ProgrammeEntity): Programme {
  return {
    id: row.id,
    provenance: row.provenance,
    unitCode: row.unitCode,
    code: row.code,
    name: row.name,
    description: row.description,
    participantCategory: enumValue(ParticipantCategory, row.participantCategory, 'participant category'),
    budgetOutputCode: row.budgetOutputCode,
    indicatorCode: row.indicatorCode,
    partner: row.partner,
  };
}
