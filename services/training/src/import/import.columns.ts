import type { ParticipantDraft } from '../participant/participant.input';
import type { Cell, Sheet } from './import.parser';

export type ImportField = keyof ParticipantDraft | 'classId';

/** Headers as registration lists name them, compared without case, spaces or punctuation. */
const ALIASES: Record<ImportField, string[]> = {
  nik: ['nik', 'noktp', 'nomorindukkependudukan'],
  name: ['name', 'nama', 'namalengkap'],
  gender: ['gender', 'jeniskelamin', 'jk'],
  birthDate: ['birthdate', 'tanggallahir', 'tgllahir'],
  education: ['education', 'pendidikan', 'pendidikanterakhir'],
  category: ['category', 'kategori', 'kategoripeserta'],
  originProvince: ['originprovince', 'provinsi', 'provinsiasal'],
  originRegency: ['originregency', 'kabupatenkota', 'kabkota', 'kabupaten', 'kota', 'kabupatenkotaasal'],
  classId: ['classid', 'idkelas', 'idangkatan', 'angkatan', 'kelas'],
};
const REQUIRED: ImportField[] = ['nik', 'name', 'gender', 'birthDate', 'education', 'category', 'classId'];

const normalize = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface ColumnMap {
  index: Partial<Record<ImportField, number>>;
  /** The header text as the file has it, for error reports. */
  label: Record<ImportField, string>;
  missing: ImportField[];
}

export function mapColumns(sheet: Sheet): ColumnMap {
  const index: Partial<Record<ImportField, number>> = {};
  const label = Object.fromEntries(Object.keys(ALIASES).map((f) => [f, f])) as Record<ImportField, string>;
  sheet.headers.forEach((header, i) => {
    const key = normalize(header);
    const field = (Object.keys(ALIASES) as ImportField[]).find((f) => ALIASES[f].includes(key));
    if (field && index[field] === undefined) {
      index[field] = i;
      label[field] = header;
    }
  });
  return { index, label, missing: REQUIRED.filter((f) => index[f] === undefined) };
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const GENDER: Record<string, string> = {
  L: 'MALE',
  LAKILAKI: 'MALE',
  PRIA: 'MALE',
  M: 'MALE',
  MALE: 'MALE',
  P: 'FEMALE',
  PEREMPUAN: 'FEMALE',
  WANITA: 'FEMALE',
  W: 'FEMALE',
  F: 'FEMALE',
  FEMALE: 'FEMALE',
};
const EDUCATION: Record<string, string> = {
  TIDAKSEKOLAH: 'NONE',
  BELUMSEKOLAH: 'NONE',
  NONE: 'NONE',
  SD: 'SD',
  SMP: 'SMP',
  SLTP: 'SMP',
  SMA: 'SMA',
  SMK: 'SMA',
  SLTA: 'SMA',
  MA: 'SMA',
  D3: 'DIII',
  DIII: 'DIII',
  S1: 'S1',
  D4: 'S1',
  DIV: 'S1',
  S2: 'S2',
  S3: 'S3',
};
const CATEGORY: Record<string, string> = {
  PMKPMPKH: 'PM_KPM_PKH',
  KPMPKH: 'PM_KPM_PKH',
  PMPKH: 'PM_KPM_PKH',
  PENDAMPINGPKH: 'PENDAMPING_PKH',
  TKSP: 'TKSP',
  TKSM: 'TKSM',
  OTHER: 'OTHER',
  LAINNYA: 'OTHER',
};
const code = (value: string): string => value.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Accepts ISO dates, Indonesian DD/MM/YYYY or DD-MM-YYYY, and Excel date cells. */
function isoDate(cell: Cell | undefined): string {
  const t = text(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : t;
}

export interface RowValues {
  draft: ParticipantDraft;
  classId: string;
  /** Set when Excel stored the NIK as a number, which keeps only 15 significant digits. */
  nikAsNumber: boolean;
}

export function rowValues(cells: Cell[], columns: ColumnMap): RowValues {
  const at = (f: ImportField): Cell | undefined =>
    columns.index[f] === undefined ? undefined : cells[columns.index[f]];
  const gender = text(at('gender'));
  const education = text(at('education'));
  const category = text(at('category'));
  return {
    draft: {
      nik: text(at('nik')).replace(/\s/g, ''),
      name: text(at('name')),
      gender: GENDER[code(gender)] ?? gender,
      birthDate: isoDate(at('birthDate')),
      education: EDUCATION[code(education)] ?? education,
      category: CATEGORY[code(category)] ?? category,
      originProvince: text(at('originProvince')) || null,
      originRegency: text(at('originRegency')) || null,
    },
    classId: text(at('classId')),
    nikAsNumber: typeof at('nik') === 'number',
  };
}
