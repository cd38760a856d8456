// Table shapes added by 0004-kb-lifecycle (kept apart from schema.ts, which every area shares).

export interface KbRegressionCasesTable {
  id: string;
  /** Keeps the order cases were added or imported in. */
  position: number;
  text: string;
  /** null: a question the KB must not answer. */
  expected_entry_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface KbLifecycleTables {
  kb_regression_cases: KbRegressionCasesTable;
}
