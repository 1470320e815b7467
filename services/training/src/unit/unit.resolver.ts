import { assertCanRead, BadInputError, ForbiddenError, RequestContext, unitRegisteredV1 } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CampusEntity, UnitEntity } from './unit.entity';
import { RegisterUnitInput, validateRegisterUnit } from './unit.input';
import {
  campusesByUnit,
  facilitiesByCampus,
  staffByUnit,
  staffJobsByUnit,
  unitByCode,
  workAreaByUnit,
} from './unit.loader';
import { Campus, Facility, StaffCount, StaffJobCount, Unit, WorkAreaProvince } from './unit.type';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, {
    nullable: true,
    description: 'One unit by its code; the unit directory is readable by every signed-in caller',
  })
  async unit(
    @Arg('code', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) code: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Unit | null> {
    return unitByCode(ctx).load(code);
  }

  @Query(() => [Unit], { description: 'Every unit of the ministry, ordered by code' })
  async units(@Ctx() ctx: RequestContext): Promise<Unit[]> {
    return ctx.db.dataSource.getRepository(UnitEntity).find({ order: { code: 'ASC' } });
  }

  @FieldResolver(() => [WorkAreaProvince], { description: 'Work area (wilayah kerja): the provinces the unit serves' })
  async workArea(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<WorkAreaProvince[]> {
    return workAreaByUnit(ctx).load(unit.code);
  }

  @FieldResolver(() => [StaffCount], {
    description:
      'Staff composition (komposisi pegawai) by employment and gender; readable by the unit itself, analysts and admins',
  })
  async staffComposition(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<StaffCount[]> {
    assertCanRead(ctx.caller, unit.code);
    return (await staffByUnit(ctx).load(unit.code)) as StaffCount[];
  }

  @FieldResolver(() => [StaffJobCount], {
    description:
      'Staff by job (komposisi pegawai berdasarkan jabatan), e.g. PPNPN by job; readable by the unit itself, analysts and admins',
  })
  async staffByJob(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<StaffJobCount[]> {
    assertCanRead(ctx.caller, unit.code);
    return (await staffJobsByUnit(ctx).load(unit.code)) as StaffJobCount[];
  }

  @FieldResolver(() => [Campus], {
    description: 'Campuses (kampus) with their facilities, in the order of the unit profile',
  })
  async campuses(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<Campus[]> {
    return campusesByUnit(ctx).load(unit.code);
  }

  @Mutation(() => Unit, { description: 'Registers a new unit (admin only); publishes training.unit.registered' })
  async registerUnit(
    @Arg('input', { description: 'The unit to register' }) input: RegisterUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Unit> {
    if (ctx.caller.role !== 'admin') throw new ForbiddenError('only an admin can register a unit');
    const valid = validateRegisterUnit(input);
    return ctx.db.transaction(async (tx) => {
      if (await tx.manager.findOneBy(UnitEntity, { code: valid.code }))
        throw new BadInputError('code', `unit ${valid.code} is already registered`);
      const unit = tx.manager.create(UnitEntity, {
        code: valid.code,
        name: valid.name,
        address: valid.address ?? null,
        region: valid.region ?? null,
      });
      await tx.manager.insert(UnitEntity, unit);
      await tx.emit(unitRegisteredV1.event(unit.code, { code: unit.code, name: unit.name }));
      return unit;
    });
  }
}

@Resolver(() => Campus)
export class CampusResolver {
  @FieldResolver(() => [Facility], {
    description: 'Facilities of the campus (sarana dan prasarana) with count, condition and capacity',
  })
  async facilities(@Root() campus: CampusEntity, @Ctx() ctx: RequestContext): Promise<Facility[]> {
    return (await facilitiesByCampus(ctx).load(campus.id)) as Facility[];
  }
}
