import type { RequestContext, UnitYear } from '@kesos/infra';
import { groupByKeys } from '@kesos/infra';
import { Brackets, In } from 'typeorm';
import { AgreementItemEntity, AgreementSignatoryEntity, PerformanceAgreementEntity } from './agreement.entity';
import { toPerformanceAgreement } from './agreement.mapper';
import type { PerformanceAgreement } from './agreement.type';

/** Agreements with signatories and lines for many (unit, year) pairs: three queries per batch. */
export const agreementsByUnitYear = (ctx: RequestContext) =>
  ctx.loaders.get<UnitYear, PerformanceAgreement[]>('agreementsByUnitYear', async (keys) => {
    const ds = ctx.db.dataSource;
    const agreements = await ds
      .getRepository(PerformanceAgreementEntity)
      .createQueryBuilder('a')
      .where(
        new Brackets((w) =>
          keys.forEach((k, i) =>
            w.orWhere(`(a.unitCode = :u${i} AND a.year = :y${i})`, { [`u${i}`]: k.unit, [`y${i}`]: k.year }),
          ),
        ),
      )
      .orderBy('a.version', 'ASC')
      .getMany();
    const ids = agreements.map((a) => a.id);
    const [signatories, items] = ids.length
      ? await Promise.all([
          ds.getRepository(AgreementSignatoryEntity).find({ where: { agreementId: In(ids) }, order: { party: 'ASC' } }),
          ds.getRepository(AgreementItemEntity).find({ where: { agreementId: In(ids) }, order: { position: 'ASC' } }),
        ])
      : [[], []];
    const latest = new Map<string, number>();
    for (const a of agreements)
      latest.set(`${a.unitCode}|${a.year}`, Math.max(latest.get(`${a.unitCode}|${a.year}`) ?? 0, a.version));
    const shaped = agreements.map((a) => ({
      key: `${a.unitCode}|${a.year}`,
      value: toPerformanceAgreement(
        a,
        signatories.filter((s) => s.agreementId === a.id),
        items.filter((i) => i.agreementId === a.id),
        latest.get(`${a.unitCode}|${a.year}`) === a.version,
      ),
    }));
    return groupByKeys(
      keys.map((k) => `${k.unit}|${k.year}`),
      shaped,
      (s) => s.key,
    ).map((list) => list.map((s) => s.value));
  });
