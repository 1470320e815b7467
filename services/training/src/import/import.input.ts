import { BadInputError, Provenance } from '@kesos/infra';
import { Field, ID, InputType } from 'type-graphql';
import { ImportFormat } from './import.type';

/** Far above what a registration list reaches; the HTTP body limit usually stops a file first. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

@InputType({
  description:
    'A registration list to import (impor daftar peserta): one row per enrollment with the columns nik, name (nama), gender (jenis kelamin: L/P), birthDate (tanggal lahir: YYYY-MM-DD or DD/MM/YYYY), education (pendidikan), category (kategori), originProvince (provinsi), originRegency (kabupaten/kota) and classId (id angkatan); header in the first row. A NIK already in the registry enrolls that participant and keeps the data already registered',
})
export class ImportParticipantsInput {
  @Field(() => ID, { description: 'Unit the participants are registered by and whose classes they enroll in' })
  unit!: string;

  @Field(() => ImportFormat, { description: 'File format: CSV or XLSX' })
  format!: ImportFormat;

  @Field({ description: 'The file content, base64-encoded' })
  contentBase64!: string;

  @Field({ defaultValue: false, description: 'Only check and report every bad row; write nothing' })
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description: 'Answer at once with the RUNNING import and continue in the background; follow it with importJob(id)',
  })
  background!: boolean;

  @Field(() => Provenance, {
    nullable: true,
    description:
      'Where the records the import writes come from (asal data): OPERATIONAL when left out; only an admin loading a report or generated data gives another',
  })
  provenance?: Provenance | null;
}

export function decodeContent(input: ImportParticipantsInput): Buffer {
  const b64 = input.contentBase64.replace(/\s/g, '');
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0)
    throw new BadInputError('contentBase64', 'contentBase64 must be the file encoded as base64');
  const content = Buffer.from(b64, 'base64');
  if (content.length > MAX_FILE_BYTES)
    throw new BadInputError('contentBase64', `the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it`);
  return content;
}
