import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExpenseType } from './account.type';

/**
 * The chart of accounts (bagan akun standar) the budget uses. Six-digit codes are posting
 * accounts (akun); two-digit codes (51, 52, 53) are expense-type summary accounts (jenis belanja),
 * used only where the source gives totals per expense type and no account detail.
 */
@Entity('account')
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  expenseType!: ExpenseType;
}
