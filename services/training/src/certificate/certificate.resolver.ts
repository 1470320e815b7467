import type { RequestContext } from '@kesos/infra';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { TrainingClassEntity } from '../class/class.entity';
import { maskName } from '../common/common.helpers';
import { EnrollmentEntity } from '../enrollment/enrollment.entity';
import { EnrollmentStatus, Predicate } from '../enrollment/enrollment.type';
import { ParticipantEntity } from '../participant/participant.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { UnitEntity } from '../unit/unit.entity';
import { CertificateVerification } from './certificate.type';

interface CertificateRow {
  number: string;
  holder: string;
  programmeCode: string;
  programmeName: string;
  startDate: string;
  endDate: string;
  unitCode: string;
  unitName: string;
  status: string;
  predicate: string;
  issuedOn: string;
}

@Resolver(() => CertificateVerification)
export class CertificateResolver {
  /** Public (no token): listed in the service's publicRootFields; answers one exact number only. */
  @Query(() => CertificateVerification, {
    nullable: true,
    description:
      'Verifies a training certificate by its exact number (verifikasi sertifikat); public, no token needed; null when no such certificate exists',
  })
  async verifyCertificate(
    @Arg('number', {
      description: 'Certificate number as printed, e.g. BBPPKS-PADANG/PPM/2022/000123/7QK4-M2XA-HT9C-RB3E',
    })
    number: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CertificateVerification | null> {
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
    if (!row) return null;
    return {
      number: row.number,
      holderName: maskName(row.holder),
      programmeCode: row.programmeCode,
      programmeName: row.programmeName,
      classStartDate: row.startDate,
      classEndDate: row.endDate,
      unitCode: row.unitCode,
      unitName: row.unitName,
      status: row.status as EnrollmentStatus,
      predicate: row.predicate as Predicate,
      issuedOn: row.issuedOn,
    };
  }
}
