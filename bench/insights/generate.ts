// npm run gen:data -- --conversations 50000 --messages 1000000 [--database-url URL] [--pg-schema NAME]
//                     [--data-dir DIR] [--days 90] [--seed 1]
// Fills a store (SQLite in --data-dir, default ./data; or PostgreSQL) with realistic synthetic
// conversations and their insight projections.
import { parseArgs } from 'node:util';
import { fillStore } from './fill-store.js';
import { analyze, openDatabase } from './open-database.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '50000' },
    messages: { type: 'string', default: '1000000' },
    'database-url': { type: 'string' },
    'pg-schema': { type: 'string' },
    'data-dir': { type: 'string', default: 'data' },
    days: { type: 'string', default: '90' },
    seed: { type: 'string', default: '1' },
  },
});

const conversations = Number(values.conversations);
const messages = Number(values.messages);
if (!(conversations > 0) || !(messages >= 4 * conversations)) {
  process.stderr.write('--conversations must be > 0 and --messages at least 4 per conversation\n');
  process.exit(2);
}
const { kind, db } = await openDatabase({
  databaseUrl: values['database-url'],
  dataDir: values['data-dir'],
  pgSchema: values['pg-schema'],
});
try {
  process.stdout.write(
    `filling ${kind}: ${conversations} conversations, ${messages} messages over ${values.days} days\n`,
  );
  const result = await fillStore(
    db,
    kind,
    { conversations, messages, days: Number(values.days), seed: Number(values.seed), now: Date.now() },
    (line) => process.stdout.write(line + '\n'),
  );
  await analyze(db, kind);
  process.stdout.write(
    `done in ${result.seconds.toFixed(1)} s (generate ${result.phases.generate.toFixed(1)} s, insert ${result.phases.insert.toFixed(1)} s, ` +
      `project ${result.phases.project.toFixed(1)} s): ${result.conversations} conversations, ${result.messages} messages, ` +
      `${result.handoffs} handoffs, ${result.ratings} ratings, ${result.unanswered} open unanswered questions\n`,
  );
} finally {
  await db.destroy();
}
