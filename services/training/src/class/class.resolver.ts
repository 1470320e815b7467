import { ProvenanceSummary, RequestContext, summarizeProvenance } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { programmeById } from '../programme/programme.loader';
import { toProgramme } from '../programme/programme.mapper';
import { Programme } from '../programme/programme.type';
import { CreateTrainingClassInput } from './class.input';
import { countsByClass } from './class.loader';
import {
  closeTrainingClass,
  createTrainingClass,
  findTrainingClass,
  listTrainingClasses,
  startTrainingClass,
} from './class.service';
import { ClassStatus, TrainingClass, TrainingClassPage } from './class.type';

@Resolver(() => TrainingClass)
export class TrainingClassResolver {
  @Query(() => TrainingClass, { nullable: true, description: 'One class (angkatan) by id' })
  async trainingClass(
    @Arg('id', () => ID, { description: 'Class id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass | null> {
    return findTrainingClass(ctx, id);
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
    return listTrainingClasses(ctx, unit, { year, programmeId, status }, first, after);
  }

  @FieldResolver(() => Programme, { description: 'The programme (jenis pelatihan) the class runs' })
  async programme(@Root() cls: TrainingClass, @Ctx() ctx: RequestContext): Promise<Programme> {
    const row = await programmeById(ctx).load(cls.programmeId);
    if (!row) throw new Error(`class ${cls.id} names programme ${cls.programmeId}, which does not exist`);
    return toProgramme(row);
  }

  @FieldResolver(() => Int, { description: 'Number of enrollments, whatever their status (jumlah peserta terdaftar)' })
  async enrollmentCount(@Root() cls: TrainingClass, @Ctx() ctx: RequestContext): Promise<number> {
    return (await countsByClass(ctx).load(cls.id)).enrollments;
  }

  @FieldResolver(() => Int, { description: 'Number of graduates (jumlah lulusan)' })
  async graduateCount(@Root() cls: TrainingClass, @Ctx() ctx: RequestContext): Promise<number> {
    return (await countsByClass(ctx).load(cls.id)).graduates;
  }

  @FieldResolver(() => ProvenanceSummary, {
    description:
      'The enrollments enrollmentCount and graduateCount count, by where they come from (asal data peserta); read with the counts, no extra query',
  })
  async enrollmentProvenance(@Root() cls: TrainingClass, @Ctx() ctx: RequestContext): Promise<ProvenanceSummary> {
    return summarizeProvenance((await countsByClass(ctx).load(cls.id)).provenance);
  }

  @Mutation(() => TrainingClass, {
    description: "Plans a class of a programme (status PLANNED); the unit's operator or an admin",
  })
  async createTrainingClass(
    @Arg('input', { description: 'The class' }) input: CreateTrainingClassInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    return createTrainingClass(ctx, input);
  }

  @Mutation(() => TrainingClass, { description: 'Starts a PLANNED class (status RUNNING)' })
  async startTrainingClass(
    @Arg('classId', () => ID, { description: 'Class id' }) classId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    return startTrainingClass(ctx, classId);
  }

  @Mutation(() => TrainingClass, {
    description:
      'Closes a RUNNING class whose enrollments are all settled (status CLOSED); publishes training.class.closed',
  })
  async closeTrainingClass(
    @Arg('classId', () => ID, { description: 'Class id' }) classId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingClass> {
    return closeTrainingClass(ctx, classId);
  }
}
