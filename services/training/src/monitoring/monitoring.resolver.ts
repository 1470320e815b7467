import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { enrollmentById } from '../enrollment/enrollment.loader';
import { toEnrollment } from '../enrollment/enrollment.mapper';
import { Enrollment } from '../enrollment/enrollment.type';
import { AssessAlumniInput } from './monitoring.input';
import { listAlumniMonitorings, recordAlumniAssessment } from './monitoring.service';
import { AlumniMonitoring, AlumniMonitoringPage } from './monitoring.type';

@Resolver(() => AlumniMonitoring)
export class AlumniMonitoringResolver {
  @Query(() => AlumniMonitoringPage, {
    description: 'Alumni monitoring assessments (monev kecakapan hidup) of a unit, oldest first, a page at a time',
  })
  async alumniMonitorings(
    @Arg('unit', () => ID, { description: 'Unit code, e.g. BBPPKS-PADANG' }) unit: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only assessments of graduates of classes of this year' })
    year: number | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AlumniMonitoringPage> {
    return listAlumniMonitorings(ctx, unit, year, first, after);
  }

  @FieldResolver(() => Enrollment, { description: "The graduate's enrollment (pendaftaran)" })
  async enrollment(@Root() m: AlumniMonitoring, @Ctx() ctx: RequestContext): Promise<Enrollment> {
    const row = await enrollmentById(ctx).load(m.enrollmentId);
    if (!row) throw new Error(`assessment ${m.id} names enrollment ${m.enrollmentId}, which does not exist`);
    return toEnrollment(row);
  }

  @Mutation(() => AlumniMonitoring, {
    description:
      'Records the monitoring assessment of a graduate (monev kecakapan hidup); publishes training.monitoring.assessed',
  })
  async assessAlumni(
    @Arg('input', { description: 'The assessment' }) input: AssessAlumniInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AlumniMonitoring> {
    return recordAlumniAssessment(ctx, input);
  }
}
