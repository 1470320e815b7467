import { BadInputError, SortDirection, StatsYears } from '@kesos/infra';
import { Field, InputType, Int } from 'type-graphql';
import { ExpenseType } from '../account/account.type';
import { BudgetStatsField } from './stats.type';

@InputType({ description: 'Which budget figures statistics cover (saringan statistik anggaran); fields are ANDed' })
export class BudgetStatsFilter extends StatsYears {
  @Field(() => [String], { nullable: true, description: 'Unit codes (kode unit); omitted: every unit you may read' })
  units?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Satker codes (kode satker); omitted: every satker' })
  satkers?: string[] | null;

  @Field(() => [ExpenseType], { nullable: true, description: 'Expense types (jenis belanja); omitted: every type' })
  expenseTypes?: ExpenseType[] | null;

  @Field(() => [String], { nullable: true, description: 'Programme codes (kode program); omitted: every programme' })
  programmes?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Performance goal codes (kode sasaran kegiatan); omitted: every goal',
  })
  goals?: string[] | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Months (bulan) 1-12 of the spending; omitted: every month. With months, ceiling is null',
  })
  months?: number[] | null;
}

@InputType({ description: 'One ordering of budget statistics rows (urutan)' })
export class BudgetStatsOrder {
  @Field(() => BudgetStatsField, { description: 'The figure to order by (urutan menurut)' })
  field!: BudgetStatsField;

  @Field(() => SortDirection, { description: 'Direction (arah urutan); rows without a value come last' })
  direction!: SortDirection;
}

/** The filter's lists without repeats (an empty list means "all"); months checked to be 1-12. */
export function validateBudgetStatsFilter(filter: BudgetStatsFilter | null | undefined): {
  satkers: string[] | null;
  expenseTypes: ExpenseType[] | null;
  programmes: string[] | null;
  goals: string[] | null;
  months: number[] | null;
} {
  const list = <T>(values: T[] | null | undefined): T[] | null =>
    values && values.length > 0 ? [...new Set(values)] : null;
  const months = list(filter?.months);
  if (months?.some((m) => !Number.isInteger(m) || m < 1 || m > 12))
    throw new BadInputError('filter.months', 'filter.months must be months from 1 to 12');
  return {
    satkers: list(filter?.satkers),
    expenseTypes: list(filter?.expenseTypes),
    programmes: list(filter?.programmes),
    goals: list(filter?.goals),
    months,
  };
}
