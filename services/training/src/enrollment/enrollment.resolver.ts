import { RequestContext, roundHalfUp } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { classById } from '../class/class.loader';
import { toTrainingClass } from '../class/class.mapper';
import { TrainingClass } from '../class/class.type';
import { monitoringByEnrollment } from '../monitoring/monitoring.loader';
import { toAlumniMonitoring } from '../monitoring/monitoring.mapper';
import { AlumniMonitoring } from '../monitoring/monitoring.type';
import { participantById } from '../participant/participant.loader';
import { toParticipant } from '../participant/participant.mapper';
import { Participant } from '../participant/participant.type';
import {
  DropOutEnrollmentInput,
  EnrollParticipantInput,
  GraduateEnrollmentInput,
  RecordTestScoresInput,
} from './enrollment.input';
import {
  dropOutEnrollment,
  enrollParticipant,
  failEnrollment,
  findEnrollment,
  graduateEnrollment,
  listEnrollments,
  markAttendance,
  recordEnrollmentScores,
} from './enrollment.service';
import { Enrollment, EnrollmentPage, EnrollmentStatus } from './enrollment.type';

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @Query(() => Enrollment, { nullable: true, description: 'One enrollment by id (pendaftaran)' })
  async enrollment(
    @Arg('id', () => ID, { description: 'Enrollment id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment | null> {
    return findEnrollment(ctx, id);
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
    return listEnrollments(ctx, classId, status, first, after);
  }

  @FieldResolver(() => Participant, { description: 'The enrolled participant' })
  async participant(@Root() e: Enrollment, @Ctx() ctx: RequestContext): Promise<Participant> {
    const row = await participantById(ctx).load(e.participantId);
    if (!row) throw new Error(`enrollment ${e.id} names participant ${e.participantId}, which does not exist`);
    return toParticipant(row);
  }

  @FieldResolver(() => TrainingClass, { description: 'The class (angkatan)' })
  async trainingClass(@Root() e: Enrollment, @Ctx() ctx: RequestContext): Promise<TrainingClass> {
    const row = await classById(ctx).load(e.classId);
    if (!row) throw new Error(`enrollment ${e.id} names class ${e.classId}, which does not exist`);
    return toTrainingClass(row);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Post-test minus pre-test score (peningkatan nilai), rounded half-up to 2 decimals; null until both are recorded',
  })
  scoreGain(@Root() e: Enrollment): number | null {
    return e.preTestScore === null || e.postTestScore === null
      ? null
      : roundHalfUp(e.postTestScore - e.preTestScore, 2);
  }

  @FieldResolver(() => AlumniMonitoring, {
    nullable: true,
    description: 'The alumni monitoring assessment (monev kecakapan hidup), once made',
  })
  async monitoring(@Root() e: Enrollment, @Ctx() ctx: RequestContext): Promise<AlumniMonitoring | null> {
    const row = await monitoringByEnrollment(ctx).load(e.id);
    return row ? toAlumniMonitoring(row) : null;
  }

  @Mutation(() => Enrollment, {
    description:
      'Registers a participant for a class (status REGISTERED); refuses a full class and a second enrollment of the same person',
  })
  async enrollParticipant(
    @Arg('input', { description: 'Class and participant' }) input: EnrollParticipantInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return enrollParticipant(ctx, input);
  }

  @Mutation(() => Enrollment, {
    description: 'Records that a REGISTERED participant attends the RUNNING class (status ATTENDING)',
  })
  async markAttendance(
    @Arg('enrollmentId', () => ID, { description: 'Enrollment id' }) enrollmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return markAttendance(ctx, enrollmentId);
  }

  @Mutation(() => Enrollment, { description: 'Records pre-test and/or post-test scores of an ATTENDING enrollment' })
  async recordTestScores(
    @Arg('input', { description: 'The scores' }) input: RecordTestScoresInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return recordEnrollmentScores(ctx, input);
  }

  @Mutation(() => Enrollment, {
    description:
      'Graduates an ATTENDING enrollment with both scores recorded (status GRADUATED), issues its certificate number; publishes training.enrollment.graduated',
  })
  async graduateEnrollment(
    @Arg('input', { description: 'Enrollment and optional predicate' }) input: GraduateEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return graduateEnrollment(ctx, input);
  }

  @Mutation(() => Enrollment, { description: 'Records that an ATTENDING participant did not pass (status FAILED)' })
  async failEnrollment(
    @Arg('enrollmentId', () => ID, { description: 'Enrollment id' }) enrollmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return failEnrollment(ctx, enrollmentId);
  }

  @Mutation(() => Enrollment, {
    description: 'Records that a REGISTERED or ATTENDING participant left (status DROPPED_OUT); frees the seat',
  })
  async dropOutEnrollment(
    @Arg('input', { description: 'Enrollment and reason' }) input: DropOutEnrollmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Enrollment> {
    return dropOutEnrollment(ctx, input);
  }
}
