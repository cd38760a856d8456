// InsightRepository: the projection store (write side) and the dashboard's aggregate queries (read side).
import type { InsightRepository } from './ports.js';
import type { Executor } from './executor.js';
import { projectionStore } from './insight-projection-store.js';
import { insightQueries } from './insight-queries.js';

export function insightRepository(db: Executor): InsightRepository {
  return { ...projectionStore(db), ...insightQueries(db) };
}
