import { assertCanRead, assertCanWrite, BadInputError, RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MoreThan } from 'typeorm';
import { pageWindow, parseId, toPage } from '../common/common.helpers';
import { UnitEntity } from '../unit/unit.entity';
import { ImportJobEntity, ImportRowErrorEntity } from './import.entity';
import { decodeContent, ImportParticipantsInput } from './import.input';
import { importSlots } from './import.limits';
import { runImport, settleStaleJob } from './import.service';
import { ImportJob, ImportRowErrorPage } from './import.type';

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, { nullable: true, description: 'One import with its progress and outcome' })
  async importJob(
    @Arg('id', () => ID, { description: 'Import id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJob | null> {
    const job = await ctx.db.dataSource.getRepository(ImportJobEntity).findOneBy({ id: parseId('id', id) });
    if (!job) return null;
    assertCanRead(ctx.caller, job.unitCode);
    return (await settleStaleJob(ctx.db, job)) as unknown as ImportJob;
  }

  @FieldResolver(() => String, { description: 'When the import started (ISO date-time)' })
  startedAt(@Root() job: ImportJobEntity): string {
    return new Date(job.startedAt).toISOString();
  }

  @FieldResolver(() => String, { nullable: true, description: 'When it finished (ISO date-time)' })
  finishedAt(@Root() job: ImportJobEntity): string | null {
    return job.finishedAt ? new Date(job.finishedAt).toISOString() : null;
  }

  @FieldResolver(() => ImportRowErrorPage, {
    description:
      'The first 1,000 problems found (masalah per baris), by row, a page at a time; errorCount counts them all',
  })
  async errors(
    @Root() job: ImportJobEntity,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportRowErrorPage> {
    const window = pageWindow(first, after);
    const rows = await ctx.db.dataSource
      .getRepository(ImportRowErrorEntity)
      .find({ where: { jobId: job.id, id: MoreThan(window.afterId) }, order: { id: 'ASC' }, take: window.take + 1 });
    return toPage(rows, window);
  }

  @Mutation(() => ImportJob, {
    description:
      "Imports participants and their enrollments from a CSV or XLSX registration list; the unit's operator or an admin. A dry run checks every row, reports the first 1,000 problems (errorCount counts all) and writes nothing; a real import writes all rows in one transaction or, when any row is bad, none. One import per caller and two per service run at once; another answers TOO_MANY_REQUESTS",
  })
  async importParticipants(
    @Arg('input', { description: 'The file and how to import it' }) input: ImportParticipantsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJob> {
    assertCanWrite(ctx.caller, input.unit);
    const release = importSlots.take(ctx.caller.subject);
    let background = false;
    try {
      const content = decodeContent(input);
      if (!(await ctx.db.dataSource.getRepository(UnitEntity).existsBy({ code: input.unit })))
        throw new BadInputError('unit', `unit ${input.unit} is not registered`);
      const jobs = ctx.db.dataSource.getRepository(ImportJobEntity);
      const job = jobs.create({
        unitCode: input.unit,
        format: input.format,
        dryRun: input.dryRun,
        status: 'RUNNING',
        phase: 'PARSING',
        totalRows: 0,
        processedRows: 0,
        errorCount: 0,
        participantsCreated: 0,
        enrollmentsCreated: 0,
        message: null,
        requestedBy: ctx.caller.subject.slice(0, 100),
        finishedAt: null,
        heartbeatAt: new Date(),
      });
      await jobs.save(job);
      if (!input.background)
        return (await runImport(ctx.db, ctx.logger, job, content, ctx.caller)) as unknown as ImportJob;
      const snapshot = { ...job };
      background = true;
      // runImport records its own failures on the job; this catches only a failure to record them.
      runImport(ctx.db, ctx.logger, job, content, ctx.caller)
        .catch((err: unknown) =>
          ctx.logger.error({ err, job: job.id }, 'background import could not record its outcome'),
        )
        .finally(release);
      return snapshot as unknown as ImportJob;
    } finally {
      if (!background) release();
    }
  }
}
