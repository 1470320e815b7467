import { RequestContext } from '@kesos/infra';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ImportParticipantsInput } from './import.input';
import { findImportJob, importParticipants, listImportErrors } from './import.service';
import { ImportJob, ImportRowErrorPage } from './import.type';

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, { nullable: true, description: 'One import with its progress and outcome' })
  async importJob(
    @Arg('id', () => ID, { description: 'Import id' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJob | null> {
    return findImportJob(ctx, id);
  }

  @FieldResolver(() => ImportRowErrorPage, {
    description:
      'The first 1,000 problems found (masalah per baris), by row, a page at a time; errorCount counts them all',
  })
  async errors(
    @Root() job: ImportJob,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1-200' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor from the previous page (pageInfo.endCursor)' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportRowErrorPage> {
    return listImportErrors(ctx, job.id, first, after);
  }

  @Mutation(() => ImportJob, {
    description:
      "Imports participants and their enrollments from a CSV or XLSX registration list; the unit's operator or an admin. A dry run checks every row, reports the first 1,000 problems (errorCount counts all) and writes nothing; a real import writes all rows in one transaction or, when any row is bad, none. One import per caller and two per service run at once; another answers TOO_MANY_REQUESTS",
  })
  async importParticipants(
    @Arg('input', { description: 'The file and how to import it' }) input: ImportParticipantsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJob> {
    return importParticipants(ctx, input);
  }
}
