import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoreThan } from 'typeorm';
import { pageWindow, parseId, toPage } from '../common/common.helpers';
import { programmeById } from '../programme/programme.loader';
import { Programme } from '../programme/programme.type';
import { TrainingClassEntity } from './class.entity';
import { CreateTrainingClassInput, validateCreateClass } from './class.input';
import { classById, countsByClass } from './class.loader';
import { closeClass, createClass, startClass } from './class.service';
import { ClassStatus, TrainingClass, TrainingClassPage } from './class.type';

@Resolver(() => TrainingClass)
export class TrainingClassResolver {
  @Query(() => TrainingClass, { nullable: true, description: 'One class (angkatan) by id' })
  async trainingClass(
    @Arg('id', () => ID, { description: 'Class id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass | null> {
    const cls = await classById(ctx).load(parseId('id', id));
    if (cls) assertCanRead(ctx.caller, cls.unitCode);
    return cls as TrainingClass | null;
  }

  @Query(() => TrainingClassPage, { description: 'Classes (angkatan) of a unit, oldest first, a page at a time' })
  async trainingClasses(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only classes counting towards this year' })
    year: number | null,
    @Arg('programmeId', () => ID, { nullable: true, description: 'Only classes of this programme' })
    programmeId: string | null,
    @Arg('status', () => ClassStatus, { nullable: true, description: 'Only classes with this status' })
    status: ClassStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClassPage> {
    assertCanRead(ctx.caller, unit);
    const window = pageWindow(first, after);
    const rows = await ctx.db.dataSource.getRepository(TrainingClassEntity).find({
      where: {
        unitCode: unit,
        id: MoreThan(window.afterId),
        ...(year !== null && year !== undefined ? { year } : {}),
        ...(programmeId ? { programmeId: parseId('programmeId', programmeId) } : {}),
        ...(status ? { status } : {}),
      },
      order: { id: 'ASC' },
      take: window.take + 1,
    });
    return toPage(rows, window) as TrainingClassPage;
  }

  @FieldResolver(() => Programme, { description: 'The programme (jenis pelatihan) the class runs' })
  async programme(@Root() cls: TrainingClassEntity, @Ctx() ctx: RequestContext): Promise<Programme> {
    return (await programmeById(ctx).load(cls.programmeId)) as Programme;
  }

  @FieldResolver(() => Int, { description: 'Number of enrollments, whatever their status (jumlah peserta terdaftar)' })
  async enrollmentCount(@Root() cls: TrainingClassEntity, @Ctx() ctx: RequestContext): Promise<number> {
    return (await countsByClass(ctx).load(cls.id)).enrollments;
  }

  @FieldResolver(() => Int, { description: 'Number of graduates (jumlah lulusan)' })
  async graduateCount(@Root() cls: TrainingClassEntity, @Ctx() ctx: RequestContext): Promise<number> {
    return (await countsByClass(ctx).load(cls.id)).graduates;
  }

  @Mutation(() => TrainingClass, {
    description: "Plans a class of a programme (status PLANNED); the unit's operator or an admin",
  })
  async createTrainingClass(
    @Arg('input', { description: 'The class' }) input: CreateTrainingClassInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    const valid = validateCreateClass(input, parseId('programmeId', input.programmeId));
    return (await ctx.db.transaction((tx) => createClass(tx, ctx.caller, valid))) as TrainingClass;
  }

  @Mutation(() => TrainingClass, { description: 'Starts a PLANNED class (status RUNNING)' })
  async startTrainingClass(
    @Arg('classId', () => ID, { description: 'Class id' }) classId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    const id = parseId('classId', classId);
    return (await ctx.db.transaction((tx) => startClass(tx, ctx.caller, id))) as TrainingClass;
  }

  @Mutation(() => TrainingClass, {
    description:
      'Closes a RUNNING class whose enrollments are all settled (status CLOSED); publishes training.class.closed',
  })
  async closeTrainingClass(
    @Arg('classId', () => ID, { description: 'Class id' }) classId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    const id = parseId('classId', classId);
    return (await ctx.db.transaction((tx) => closeClass(tx, ctx.caller, id))) as TrainingClass;
  }
}
