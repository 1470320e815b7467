/** `training.atensi.case-closed`: an ATENSI case was closed, served or not (performance counts SK4.1). */
export const ATENSI_CASE_CLOSED = 'training.atensi.case-closed';

export interface AtensiCaseClosedV1 {
  caseId: number;
  year: number;
  /** RESPON_KASUS, TANGGAP_DARURAT_BENCANA, DUKUNGAN_PSIKOSOSIAL or SENTRA_KREASI_ATENSI. */
  serviceType: string;
  peopleServed: number;
  served: boolean;
}
