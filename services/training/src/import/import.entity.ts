import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One bulk import of participants and enrollments. Its progress columns are written outside the
 * import's own transaction, so that another request can read them while the import runs.
 */
@Entity('import_job')
@Index('ix_import_job_unit', ['unitCode', 'id'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 4 })
  format!: 'CSV' | 'XLSX';

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  @Column({ type: 'varchar', length: 10 })
  status!: 'RUNNING' | 'VALID' | 'INVALID' | 'IMPORTED' | 'FAILED';

  @Column({ type: 'varchar', length: 10 })
  phase!: 'PARSING' | 'CHECKING' | 'WRITING' | 'DONE';

  @Column({ type: 'int', default: 0 })
  totalRows!: number;

  @Column({ type: 'int', default: 0 })
  processedRows!: number;

  @Column({ type: 'int', default: 0 })
  errorCount!: number;

  @Column({ type: 'int', default: 0 })
  participantsCreated!: number;

  @Column({ type: 'int', default: 0 })
  enrollmentsCreated!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message!: string | null;

  @Column({ type: 'varchar', length: 100 })
  requestedBy!: string;

  @CreateDateColumn()
  startedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /** Written every few seconds while the import runs; a RUNNING job whose beat stopped lost its process. */
  @Column({ type: 'datetime', nullable: true })
  heartbeatAt!: Date | null;
}

/** A problem found in one cell of an imported file; every bad row gets at least one. */
@Entity('import_row_error')
@Index('ix_import_row_error_job', ['jobId', 'id'])
export class ImportRowErrorEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  jobId!: number;

  /** Spreadsheet row number: the header is row 1. */
  @Column({ type: 'int' })
  row!: number;

  @Column({ type: 'varchar', length: 60 })
  column!: string;

  @Column({ type: 'varchar', length: 300 })
  reason!: string;
}
