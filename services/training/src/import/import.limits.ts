import { TooManyRequestsError } from '@kesos/infra';

/**
 * Imports running at once. Each holds its file, as received and decoded, and the rows that
 * passed the checks (one 30 MB CSV dry run took the training process to a peak RSS of 416 MB,
 * two at once to 536-583 MB), so only a few at once fit in one process; a clerk has no reason to
 * run two lists at the same time.
 */
export const IMPORT_LIMITS = { perCaller: 1, perProcess: 2 };

/** Import slots of this process: taken before the file is decoded, given back when the import ends. */
export class ImportSlots {
  private readonly byCaller = new Map<string, number>();
  private running = 0;

  constructor(private readonly limits: typeof IMPORT_LIMITS) {}

  /** Takes a slot or refuses with TOO_MANY_REQUESTS; the answer gives the slot back, once. */
  take(caller: string): () => void {
    const mine = this.byCaller.get(caller) ?? 0;
    if (mine >= this.limits.perCaller) {
      throw new TooManyRequestsError(
        `you already have ${mine} import running, the most one caller may run at once; wait until it finishes (importJob shows its status) and send this one again`,
        { limit: this.limits.perCaller, scope: 'caller' },
      );
    }
    if (this.running >= this.limits.perProcess) {
      throw new TooManyRequestsError(
        `${this.running} imports are running on this service, the most it runs at once; send this one again in a minute`,
        { limit: this.limits.perProcess, scope: 'service' },
      );
    }
    this.byCaller.set(caller, mine + 1);
    this.running++;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.running--;
      const left = (this.byCaller.get(caller) ?? 1) - 1;
      if (left) this.byCaller.set(caller, left);
      else this.byCaller.delete(caller);
    };
  }
}

export const importSlots = new ImportSlots(IMPORT_LIMITS);
