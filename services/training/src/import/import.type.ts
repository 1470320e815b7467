import { connectionType } from '@kesos/infra';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'File format of a registration list (daftar peserta)',
  valuesConfig: {
    CSV: { description: 'Comma-separated text, UTF-8, header in the first row' },
    XLSX: { description: 'Excel workbook; the first sheet is read, header in the first row' },
  },
});

export enum ImportJobStatus {
  RUNNING = 'RUNNING',
  VALID = 'VALID',
  INVALID = 'INVALID',
  IMPORTED = 'IMPORTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'Outcome of an import',
  valuesConfig: {
    RUNNING: { description: 'Still running (sedang diproses); see phase and processedRows' },
    VALID: { description: 'Dry run found no problems; nothing was written' },
    INVALID: { description: 'Rows have problems (see errors); nothing was written' },
    IMPORTED: { description: 'Every row was imported, in one transaction' },
    FAILED: { description: 'The import stopped on an unexpected error (see message); nothing was written' },
  },
});

export enum ImportPhase {
  PARSING = 'PARSING',
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  DONE = 'DONE',
}
registerEnumType(ImportPhase, {
  name: 'ImportPhase',
  description: 'Where a running import is',
  valuesConfig: {
    PARSING: { description: 'Reading the file' },
    CHECKING: { description: 'Checking every row against the rules and the registry' },
    WRITING: { description: 'Writing participants and enrollments; processedRows counts rows written' },
    DONE: { description: 'Finished' },
  },
});

@ObjectType({ description: 'A problem in one cell of an imported file' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row!: number;

  @Field({ description: 'Column header as it is in the file, or the expected header when the column is missing' })
  column!: string;

  @Field({ description: 'What is wrong and how to fix it' })
  reason!: string;
}

/** A page of import problems (halaman masalah impor), by row. */
export const ImportRowErrorPage = connectionType(ImportRowError, {
  name: 'ImportRowErrorPage',
  items: 'import problems (masalah per baris)',
});
export type ImportRowErrorPage = InstanceType<typeof ImportRowErrorPage>;

@ObjectType({ description: 'A bulk import of participants and enrollments (impor daftar peserta) and its progress' })
export class ImportJob {
  @Field(() => ID, { description: 'Import id; poll importJob(id) to follow a background import' })
  id!: number;

  @Field(() => ID, { description: 'Code of the unit imported into' })
  unitCode!: string;

  @Field(() => ImportFormat, { description: 'File format' })
  format!: ImportFormat;

  @Field({ description: 'True for a dry run, which only checks and never writes participants or enrollments' })
  dryRun!: boolean;

  @Field(() => ImportJobStatus, { description: 'Outcome so far' })
  status!: ImportJobStatus;

  @Field(() => ImportPhase, { description: 'Where a running import is' })
  phase!: ImportPhase;

  @Field(() => Int, { description: 'Data rows in the file (empty rows are skipped)' })
  totalRows!: number;

  @Field(() => Int, {
    description: 'Rows written so far (equals totalRows when imported); progress = processedRows / totalRows',
  })
  processedRows!: number;

  @Field(() => Int, {
    description: 'Number of problems found (jumlah masalah), all of them; errors lists the first 1,000',
  })
  errorCount!: number;

  @Field(() => Int, { description: 'New participants added to the registry' })
  participantsCreated!: number;

  @Field(() => Int, { description: 'Enrollments created (status REGISTERED)' })
  enrollmentsCreated!: number;

  @Field(() => String, { nullable: true, description: 'Summary or the reason the import stopped' })
  message!: string | null;

  @Field({ description: 'When the import started (ISO date-time)' })
  startedAt!: string;

  @Field(() => String, { nullable: true, description: 'When it finished (ISO date-time)' })
  finishedAt!: string | null;
}
