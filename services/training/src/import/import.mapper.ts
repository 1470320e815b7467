import type { ImportJobEntity, ImportRowErrorEntity } from './import.entity';
import type { ImportJob, ImportRowError } from './import.type';
import { ImportFormat, ImportJobStatus, ImportPhase } from './import.type';

export function toImportJob(row: ImportJobEntity): ImportJob {
  return {
    id: row.id,
    unitCode: row.unitCode,
    format: ImportFormat[row.format],
    dryRun: row.dryRun,
    status: ImportJobStatus[row.status],
    phase: ImportPhase[row.phase],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    errorCount: row.errorCount,
    participantsCreated: row.participantsCreated,
    enrollmentsCreated: row.enrollmentsCreated,
    message: row.message,
    startedAt: new Date(row.startedAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
  };
}

export function toImportRowError(row: ImportRowErrorEntity): ImportRowError {
  return { row: row.row, column: row.column, reason: row.reason };
}
