import { ProvenanceSummary, RupiahScalar } from '@kesos/infra';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExpenseType } from '../account/account.type';
import { Unit } from '../unit/unit.type';

export enum BudgetStatsDimension {
  UNIT = 'UNIT',
  YEAR = 'YEAR',
  SATKER = 'SATKER',
  EXPENSE_TYPE = 'EXPENSE_TYPE',
  PROGRAMME = 'PROGRAMME',
  GOAL = 'GOAL',
  MONTH = 'MONTH',
}
registerEnumType(BudgetStatsDimension, {
  name: 'BudgetStatsDimension',
  description: 'What budget statistics can be grouped by (dimensi pengelompokan)',
  valuesConfig: {
    UNIT: { description: 'Training unit (unit pelaksana teknis)' },
    YEAR: { description: 'Fiscal year (tahun anggaran)' },
    SATKER: { description: 'Budget-holding work unit (satuan kerja, satker)' },
    EXPENSE_TYPE: { description: 'Expense type (jenis belanja): PERSONNEL, GOODS, CAPITAL' },
    PROGRAMME: {
      description: 'Budget programme (program) above the line; null for expense-type summary lines without one',
    },
    GOAL: { description: 'Performance goal (sasaran kegiatan) the line serves; null for untagged lines' },
    MONTH: {
      description: 'Month of the spending (bulan realisasi), 1-12; a ceiling has no month, so ceiling is null',
    },
  },
});

export enum BudgetStatsField {
  CEILING = 'CEILING',
  REALIZED = 'REALIZED',
  ABSORPTION_RATE = 'ABSORPTION_RATE',
  YEAR = 'YEAR',
  MONTH = 'MONTH',
}
registerEnumType(BudgetStatsField, {
  name: 'BudgetStatsField',
  description: 'What budget statistics rows can be ordered by (urutan menurut)',
  valuesConfig: {
    CEILING: { description: 'Budget ceiling (pagu)' },
    REALIZED: { description: 'Realisation (realisasi)' },
    ABSORPTION_RATE: { description: 'Absorption rate (penyerapan)' },
    YEAR: { description: 'Fiscal year (tahun anggaran), when grouped by YEAR' },
    MONTH: { description: 'Month (bulan), when grouped by MONTH' },
  },
});

@ObjectType({
  description:
    'One row of budget statistics (statistik anggaran): the figures of one combination of the grouped dimensions; a dimension not grouped by is null',
})
export class BudgetStatsRow {
  @Field(() => Int, {
    nullable: true,
    description: 'Rank (peringkat) in the order of orderBy, 1-based; equal values share a rank; null without orderBy',
  })
  rank!: number | null;

  @Field(() => Unit, { nullable: true, description: 'The training unit (unit), when grouped by UNIT' })
  unit!: Unit | null;

  @Field(() => String, { nullable: true, description: 'Unit code (kode unit), when grouped by UNIT' })
  unitCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Fiscal year (tahun anggaran), when grouped by YEAR' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Satker code (kode satker), when grouped by SATKER' })
  satkerCode!: string | null;

  @Field(() => ExpenseType, {
    nullable: true,
    description: 'Expense type (jenis belanja), when grouped by EXPENSE_TYPE',
  })
  expenseType!: ExpenseType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Programme code (kode program), when grouped by PROGRAMME; null also for lines without a programme',
  })
  programmeCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Performance goal code (kode sasaran kegiatan), when grouped by GOAL; null also for lines serving no goal',
  })
  goalCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Month (bulan) of the spending, 1-12, when grouped by MONTH' })
  month!: number | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description:
      "Budget ceiling (pagu) in whole rupiah: the DIPAs' current ceiling (all revisions applied), as Unit.budget(year) { ceiling }; null when grouped or filtered by month (a ceiling has no month)",
  })
  ceiling!: number | null;

  @Field(() => RupiahScalar, { description: 'Realisation (realisasi) in whole rupiah, corrections included' })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Absorption rate (penyerapan) = realized / ceiling x 100, rounded half-up to 2 decimals; null without a ceiling (0, or grouped or filtered by month)',
  })
  absorptionRate!: number | null;

  @Field(() => ProvenanceSummary, {
    description:
      "The records the row's figures are summed from (line changes for the ceiling, spending transactions for the realisation) counted by provenance, and the weakest (asal data)",
  })
  evidence!: ProvenanceSummary;
}
