import type { RequestContext } from '@kesos/infra';
import { TrainingClassEntity } from '../class/class.entity';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { ParticipantEntity } from '../participant/participant.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { UnitEntity } from '../unit/unit.entity';
import type { CertificateRow } from './certificate.mapper';
import { toCertificateVerification } from './certificate.mapper';
import type { CertificateVerification } from './certificate.type';

/** Public: one exact certificate number, or null; nothing is listed or matched by part. */
export async function verifyCertificate(ctx: RequestContext, number: string): Promise<CertificateVerification | null> {
  const exact = number.trim();
  if (!exact || exact.length > 120) return null;
  const row = await ctx.db.dataSource
    .createQueryBuilder()
    .select([
      'e.certificateNumber AS number',
      'p.name AS holder',
      'g.code AS programmeCode',
      'g.name AS programmeName',
      'c.startDate AS startDate',
      'c.endDate AS endDate',
      'u.code AS unitCode',
      'u.name AS unitName',
      'e.status AS status',
      'e.predicate AS predicate',
      'e.certificateIssuedOn AS issuedOn',
    ])
    .from(EnrollmentEntity, 'e')
    .innerJoin(ParticipantEntity, 'p', 'p.id = e.participantId')
    .innerJoin(TrainingClassEntity, 'c', 'c.id = e.classId')
    .innerJoin(ProgrammeEntity, 'g', 'g.id = c.programmeId')
    .innerJoin(UnitEntity, 'u', 'u.code = e.unitCode')
    .where('e.certificateNumber = :number', { number: exact })
    .getRawOne<CertificateRow>();
  return row ? toCertificateVerification(row) : null;
}
