import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RegisterUnitInput } from './unit.input';
import { campusesByUnit, facilitiesByCampus, staffByUnit, staffJobsByUnit, workAreaByUnit } from './unit.loader';
import { toCampus, toFacility, toStaffCount, toStaffJobCount, toWorkAreaProvince } from './unit.mapper';
import { findUnit, listUnits, registerUnit } from './unit.service';
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
    return findUnit(ctx, code);
  }

  @Query(() => [Unit], { description: 'Every unit of the ministry, ordered by code' })
  async units(@Ctx() ctx: RequestContext): Promise<Unit[]> {
    return listUnits(ctx);
  }

  @FieldResolver(() => [WorkAreaProvince], { description: 'Work area (wilayah kerja): the provinces the unit serves' })
  async workArea(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<WorkAreaProvince[]> {
    return (await workAreaByUnit(ctx).load(unit.code)).map(toWorkAreaProvince);
  }

  @FieldResolver(() => [StaffCount], {
    description:
      'Staff composition (komposisi pegawai) by employment and gender; readable by the unit itself, analysts and admins',
  })
  async staffComposition(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<StaffCount[]> {
    assertCanRead(ctx.caller, unit.code);
    return (await staffByUnit(ctx).load(unit.code)).map(toStaffCount);
  }

  @FieldResolver(() => [StaffJobCount], {
    description:
      'Staff by job (komposisi pegawai berdasarkan jabatan), e.g. PPNPN by job; readable by the unit itself, analysts and admins',
  })
  async staffByJob(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<StaffJobCount[]> {
    assertCanRead(ctx.caller, unit.code);
    return (await staffJobsByUnit(ctx).load(unit.code)).map(toStaffJobCount);
  }

  @FieldResolver(() => [Campus], {
    description: 'Campuses (kampus) with their facilities, in the order of the unit profile',
  })
  async campuses(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<Campus[]> {
    return (await campusesByUnit(ctx).load(unit.code)).map(toCampus);
  }

  @Mutation(() => Unit, { description: 'Registers a new unit (admin only); publishes training.unit.registered' })
  async registerUnit(
    @Arg('input', { description: 'The unit to register' }) input: RegisterUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Unit> {
    return registerUnit(ctx, input);
  }
}

@Resolver(() => Campus)
export class CampusResolver {
  @FieldResolver(() => [Facility], {
    description: 'Facilities of the campus (sarana dan prasarana) with count, condition and capacity',
  })
  async facilities(@Root() campus: Campus, @Ctx() ctx: RequestContext): Promise<Facility[]> {
    return (await facilitiesByCampus(ctx).load(campus.id)).map(toFacility);
  }
}
