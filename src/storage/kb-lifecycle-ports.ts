// Storage port for the KB's regression cases ("test before publish"). Implemented by the shared Kysely
// code; tested by the contract suite (contract/kb-lifecycle.contract.ts).

/** A question with the entry the bot must answer it with, or null: the bot must not answer it. */
export interface RegressionCase {
  id: string;
  text: string;
  expectedEntryId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

export type RegressionCasePatch = Partial<Pick<RegressionCase, 'text' | 'expectedEntryId' | 'note'>>;

export interface RegressionCaseRepository {
  /** Every case, in the order added. */
  list(): Promise<RegressionCase[]>;
  get(id: string): Promise<RegressionCase | null>;
  /** Adds cases after the existing ones, all or none; a taken id fails with StorageConflictError. */
  add(cases: RegressionCase[]): Promise<void>;
  /** null when absent. */
  update(id: string, patch: RegressionCasePatch, now: number): Promise<RegressionCase | null>;
  delete(id: string): Promise<boolean>;
  /** Replaces every case with these, all or none. */
  replaceAll(cases: RegressionCase[]): Promise<void>;
}
