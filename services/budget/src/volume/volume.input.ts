import { BadInputError, parseIsoDate } from '@kesos/infra';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'Realised volume of an output (realisasi volume RO) that no service records, e.g. a management output (layanan dukungan manajemen)',
})
export class RecordOutputVolumeInput {
  @Field({ description: 'Satker code (kode satker), e.g. 690552' })
  satkerCode!: string;

  @Field(() => Int, { description: 'Fiscal year (tahun anggaran) of the DIPA holding the output' })
  year!: number;

  @Field({ description: 'Output code (kode RO), e.g. 6398.EBA.994 (Layanan Perkantoran)' })
  outputCode!: string;

  @Field(() => Int, { description: "Volume delivered (volume), in the output's unit (satuan), 1 to 1,000,000" })
  quantity!: number;

  @Field({ description: 'Date the volume was delivered (tanggal), YYYY-MM-DD, within the fiscal year' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'Evidence or remark (keterangan), at most 500 characters' })
  note?: string | null;
}

@InputType({ description: 'A correction (koreksi): a reversing entry that cancels an earlier volume record in full' })
export class ReverseOutputVolumeInput {
  @Field(() => ID, { description: 'Id of the volume record to cancel' })
  entryId!: string;

  @Field({ description: 'Date of the correction, YYYY-MM-DD, in the fiscal year of the record and not before it' })
  date!: string;

  @Field({ description: 'Why the record is cancelled (alasan koreksi), at most 500 characters' })
  reason!: string;
}

const MAX_QUANTITY = 1_000_000;

function isoDate(field: string, value: string): string {
  const date = value.trim();
  if (!parseIsoDate(date)) throw new BadInputError(field, `"${value}" is not a date; use YYYY-MM-DD`);
  return date;
}

export function validateOutputVolume(
  input: RecordOutputVolumeInput,
): Omit<RecordOutputVolumeInput, 'note'> & { note: string | null } {
  const satkerCode = input.satkerCode.trim();
  if (!/^\d{6}$/.test(satkerCode))
    throw new BadInputError(
      'satkerCode',
      `"${input.satkerCode}" is not a satker code; use its six digits, e.g. 690552`,
    );
  const outputCode = input.outputCode.trim();
  if (!outputCode || outputCode.length > 30)
    throw new BadInputError('outputCode', 'The output code (kode RO) is required and at most 30 characters');
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY)
    throw new BadInputError(
      'quantity',
      `${input.quantity} is not a volume; give a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en')} (a correction is a reversal)`,
    );
  const date = isoDate('date', input.date);
  if (!date.startsWith(`${input.year}-`))
    throw new BadInputError('date', `${date} is outside fiscal year ${input.year} (1 January to 31 December)`);
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw new BadInputError('note', 'The note is at most 500 characters');
  return { satkerCode, year: input.year, outputCode, quantity: input.quantity, date, note };
}

export function validateReversal(input: ReverseOutputVolumeInput): { entryId: number; date: string; reason: string } {
  const entryId = Number(input.entryId);
  if (!Number.isSafeInteger(entryId) || entryId < 1)
    throw new BadInputError('entryId', `"${input.entryId}" is not an output volume entry id`);
  const reason = input.reason.trim();
  if (!reason || reason.length > 500)
    throw new BadInputError('reason', 'The reason for the correction is required and at most 500 characters');
  return { entryId, date: isoDate('date', input.date), reason };
}
