import { registerEnumType } from 'type-graphql';

export enum ExpenseType {
  PERSONNEL = 'PERSONNEL',
  GOODS = 'GOODS',
  CAPITAL = 'CAPITAL',
}
registerEnumType(ExpenseType, {
  name: 'ExpenseType',
  description: 'Expense type (jenis belanja), given by the first two digits of the account code',
  valuesConfig: {
    PERSONNEL: { description: 'Personnel spending (belanja pegawai, accounts 51xxxx)' },
    GOODS: { description: 'Goods and services spending (belanja barang, accounts 52xxxx)' },
    CAPITAL: { description: 'Capital spending (belanja modal, accounts 53xxxx)' },
  },
});

export const EXPENSE_TYPES: ExpenseType[] = [ExpenseType.PERSONNEL, ExpenseType.GOODS, ExpenseType.CAPITAL];
