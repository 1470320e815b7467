import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../account/account.entity';
import { ExpenseType } from '../account/account.type';

/**
 * The accounts (akun) of the standard chart (bagan akun standar) that the seed's lines use.
 * 51/52/53 are the expense-type summary accounts for years where the report gives only totals.
 */
export const ACCOUNTS: [string, string][] = [
  ['51', 'Belanja Pegawai (summary: the report gives no account detail)'],
  ['52', 'Belanja Barang (summary: the report gives no account detail)'],
  ['53', 'Belanja Modal (summary: the report gives no account detail)'],
  ['511111', 'Belanja Gaji Pokok PNS'],
  ['511121', 'Belanja Tunjangan Suami/Istri PNS'],
  ['511122', 'Belanja Tunjangan Anak PNS'],
  ['511124', 'Belanja Tunjangan Fungsional PNS'],
  ['511126', 'Belanja Tunjangan Beras PNS'],
  ['511129', 'Belanja Uang Makan PNS'],
  ['511151', 'Belanja Tunjangan Umum PNS'],
  ['521111', 'Belanja Keperluan Perkantoran'],
  ['521115', 'Belanja Honor Operasional Satuan Kerja'],
  ['521211', 'Belanja Bahan'],
  ['521213', 'Belanja Honor Output Kegiatan'],
  ['521219', 'Belanja Barang Non Operasional Lainnya'],
  ['522111', 'Belanja Langganan Listrik'],
  ['522112', 'Belanja Langganan Telepon'],
  ['523111', 'Belanja Pemeliharaan Gedung dan Bangunan'],
  ['523121', 'Belanja Pemeliharaan Peralatan dan Mesin'],
  ['524111', 'Belanja Perjalanan Dinas Biasa'],
  ['524113', 'Belanja Perjalanan Dinas Dalam Kota'],
  ['524119', 'Belanja Perjalanan Dinas Paket Meeting Luar Kota'],
  ['532111', 'Belanja Modal Peralatan dan Mesin'],
  ['533111', 'Belanja Modal Gedung dan Bangunan'],
];

export const expenseTypeOf = (code: string): ExpenseType =>
  code.startsWith('51') ? ExpenseType.PERSONNEL : code.startsWith('53') ? ExpenseType.CAPITAL : ExpenseType.GOODS;

export async function seedAccounts(m: EntityManager): Promise<void> {
  await m.insert(
    AccountEntity,
    ACCOUNTS.map(([code, name]) => ({ code, name, expenseType: expenseTypeOf(code) })),
  );
}
