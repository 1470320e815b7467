import { assertCanRead, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoreThan } from 'typeorm';
import { pageWindow, parseId, toPage } from '../common/common.helpers';
import { enrollmentById } from '../enrollment/enrollment.loader';
import { Enrollment } from '../enrollment/enrollment.type';
import { AlumniMonitoringEntity } from './monitoring.entity';
import { AssessAlumniInput, validateAssessAlumni } from './monitoring.input';
import { assessAlumni } from './monitoring.service';
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
    assertCanRead(ctx.caller, unit);
    const window = pageWindow(first, after);
    const rows = await ctx.db.dataSource.getRepository(AlumniMonitoringEntity).find({
      where: { unitCode: unit, id: MoreThan(window.afterId), ...(year !== null && year !== undefined ? { year } : {}) },
      order: { id: 'ASC' },
      take: window.take + 1,
    });
    return toPage(rows, window) as AlumniMonitoringPage;
  }

  @FieldResolver(() => Enrollment, { description: "The graduate's enrollment" })
  async enrollment(@Root() m: AlumniMonitoringEntity, @Ctx() ctx: RequestContext): Promise<Enrollment> {
    return (await enrollmentById(ctx).load(m.enrollmentId)) as Enrollment;
  }

  @Mutation(() => AlumniMonitoring, {
    description:
      'Records the monitoring assessment of a graduate (monev kecakapan hidup); publishes training.monitoring.assessed',
  })
  async assessAlumni(
    @Arg('input', { description: 'The assessment' }) input: AssessAlumniInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AlumniMonitoring> {
    const enrollmentId = parseId('enrollmentId', input.enrollmentId);
    const valid = validateAssessAlumni(input);
    return (await ctx.db.transaction((tx) =>
      assessAlumni(tx, ctx.caller, enrollmentId, input, valid),
    )) as AlumniMonitoring;
  }
}
