import { assertCanRead, BadInputError, RequestContext, roundHalfUp } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoreThan } from 'typeorm';
import { classById } from '../class/class.loader';
import { TrainingClass } from '../class/class.type';
import { pageWindow, parseId, toPage } from '../common/common.helpers';
import { monitoringByEnrollment } from '../monitoring/monitoring.loader';
import { AlumniMonitoring } from '../monitoring/monitoring.type';
import { participantById } from '../participant/participant.loader';
import { Participant } from '../participant/participant.type';
import { EnrollmentEntity } from './enrollment.entity';
import {
  DropOutEnrollmentInput,
  EnrollParticipantInput,
  GraduateEnrollmentInput,
  RecordTestScoresInput,
  validReason,
  validScore,
} from './enrollment.input';
import { enrollmentById } from './enrollment.loader';
import { dropOut, enroll, fail, graduate, markAttending, recordTestScores } from './enrollment.service';
import { Enrollment, EnrollmentPage, EnrollmentStatus } from './enrollment.type';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => Enrollment, { nullable: true, description: 'One enrollment by id' })
  async enrollment(
    @Arg('id', () => ID, { description: 'Enrollment id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment | null> {
    const e = await enrollmentById(ctx).load(parseId('id', id));
    if (e) assertCanRead(ctx.caller, e.unitCode);
    return e as Enrollment | null;
  }

  @Query(() => EnrollmentPage, {
    description: 'Enrollments of a class (daftar peserta angkatan), in registration order, a page at a time',
  })
  async enrollments(
    @Arg('classId', () => ID, { description: 'Class id' }) classId: string,
    @Arg('status', () => EnrollmentStatus, { nullable: true, description: 'Only enrollments with this status' })
    status: EnrollmentStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentPage> {
    const id = parseId('classId', classId);
    const window = pageWindow(first, after);
    const cls = await classById(ctx).load(id);
    if (!cls) throw new BadInputError('classId', `there is no class ${id}`);
    assertCanRead(ctx.caller, cls.unitCode);
    const rows = await ctx.db.dataSource.getRepository(EnrollmentEntity).find({
      where: { classId: id, id: MoreThan(window.afterId), ...(status ? { status } : {}) },
      order: { id: 'ASC' },
      take: window.take + 1,
    });
    return toPage(rows, window) as EnrollmentPage;
  }

  @FieldResolver(() => Participant, { description: 'The enrolled participant' })
  async participant(@Root() e: EnrollmentEntity, @Ctx() ctx: RequestContext): Promise<Participant> {
    return (await participantById(ctx).load(e.participantId)) as unknown as Participant;
  }

  @FieldResolver(() => TrainingClass, { description: 'The class (angkatan)' })
  async trainingClass(@Root() e: EnrollmentEntity, @Ctx() ctx: RequestContext): Promise<TrainingClass> {
    return (await classById(ctx).load(e.classId)) as TrainingClass;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Post-test minus pre-test score (peningkatan nilai), rounded half-up to 2 decimals; null until both are recorded',
  })
  scoreGain(@Root() e: EnrollmentEntity): number | null {
    return e.preTestScore === null || e.postTestScore === null
      ? null
      : roundHalfUp(e.postTestScore - e.preTestScore, 2);
  }

  @FieldResolver(() => AlumniMonitoring, {
    nullable: true,
    description: 'The alumni monitoring assessment (monev kecakapan hidup), once made',
  })
  async monitoring(@Root() e: EnrollmentEntity, @Ctx() ctx: RequestContext): Promise<AlumniMonitoring | null> {
    return (await monitoringByEnrollment(ctx).load(e.id)) as AlumniMonitoring | null;
  }

  @Mutation(() => Enrollment, {
    description:
      'Registers a participant for a class (status REGISTERED); refuses a full class and a second enrollment of the same person',
  })
  async enrollParticipant(
    @Arg('input', { description: 'Class and participant' }) input: EnrollParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const classId = parseId('classId', input.classId);
    const participantId = parseId('participantId', input.participantId);
    return (await ctx.db.transaction((tx) => enroll(tx, ctx.caller, classId, participantId))) as Enrollment;
  }

  @Mutation(() => Enrollment, {
    description: 'Records that a REGISTERED participant attends the RUNNING class (status ATTENDING)',
  })
  async markAttendance(
    @Arg('enrollmentId', () => ID, { description: 'Enrollment id' }) enrollmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const id = parseId('enrollmentId', enrollmentId);
    return (await ctx.db.transaction((tx) => markAttending(tx, ctx.caller, id))) as Enrollment;
  }

  @Mutation(() => Enrollment, { description: 'Records pre-test and/or post-test scores of an ATTENDING enrollment' })
  async recordTestScores(
    @Arg('input', { description: 'The scores' }) input: RecordTestScoresInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const id = parseId('enrollmentId', input.enrollmentId);
    const pre = validScore('preTestScore', input.preTestScore);
    const post = validScore('postTestScore', input.postTestScore);
    return (await ctx.db.transaction((tx) => recordTestScores(tx, ctx.caller, id, pre, post))) as Enrollment;
  }

  @Mutation(() => Enrollment, {
    description:
      'Graduates an ATTENDING enrollment with both scores recorded (status GRADUATED), issues its certificate number; publishes training.enrollment.graduated',
  })
  async graduateEnrollment(
    @Arg('input', { description: 'Enrollment and optional predicate' }) input: GraduateEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const id = parseId('enrollmentId', input.enrollmentId);
    return (await ctx.db.transaction((tx) => graduate(tx, ctx.caller, id, input.predicate ?? null))) as Enrollment;
  }

  @Mutation(() => Enrollment, { description: 'Records that an ATTENDING participant did not pass (status FAILED)' })
  async failEnrollment(
    @Arg('enrollmentId', () => ID, { description: 'Enrollment id' }) enrollmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const id = parseId('enrollmentId', enrollmentId);
    return (await ctx.db.transaction((tx) => fail(tx, ctx.caller, id))) as Enrollment;
  }

  @Mutation(() => Enrollment, {
    description: 'Records that a REGISTERED or ATTENDING participant left (status DROPPED_OUT); frees the seat',
  })
  async dropOutEnrollment(
    @Arg('input', { description: 'Enrollment and reason' }) input: DropOutEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    const id = parseId('enrollmentId', input.enrollmentId);
    const reason = validReason(input.reason);
    return (await ctx.db.transaction((tx) => dropOut(tx, ctx.caller, id, reason))) as Enrollment;
  }
}
