// npm run bench:queue [-- --seed N --service lognormal|exponential]
// Compares routing policies on the same seeded arrival stream and prints Markdown tables.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { CLASSES, figures, type PolicyFigures } from './metrics.js';
import { policies } from './policies.js';
import { arrivals, slotsOf, windowMsOf, type Scenario } from './scenario.js';
import { simulate } from './simulator.js';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '42' }, service: { type: 'string', default: 'lognormal' } },
});
const seed = Number(values.seed);
const service = values.service === 'exponential' ? 'exponential' : 'lognormal';
// The product's defaults (environment ignored): aging, skill fall-back and agent capacity.
const { routing } = loadConfig({});

const base: Omit<Scenario, 'name' | 'phases'> = {
  seed,
  // 20 agents in three skill groups; demand is skewed towards 售后 (50% of chats, 40% of agents).
  agents: [
    { group: '售后', count: 8 },
    { group: '物流', count: 6 },
    { group: '支付', count: 6 },
  ],
  capacity: routing.agentCapacity,
  service,
  meanServiceMin: 6,
  sigma: 0.8,
  priorityShares: { care: 0.05, urgent: 0.1, vip: 0.15, normal: 0.7 },
  topicShares: { 售后: 0.5, 物流: 0.3, 支付: 0.2 },
};
const scenarios: Scenario[] = [
  { ...base, name: 'steady: offered load 0.9 for 8 h', phases: [{ minutes: 480, load: 0.9 }] },
  {
    ...base,
    name: 'peak: load 0.8 for 2 h, 1.2 for 2 h, 0.7 for 4 h',
    phases: [
      { minutes: 120, load: 0.8 },
      { minutes: 120, load: 1.2 },
      { minutes: 240, load: 0.7 },
    ],
  },
];

const min = (ms: number) => (Number.isNaN(ms) ? '–' : (ms / 60_000).toFixed(1));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function tables(s: Scenario, rows: Array<{ label: string; f: PolicyFigures }>): string {
  const out = [
    `### ${s.name}`,
    '',
    `Seed ${s.seed}, ${rows[0].f.overall.count} customers, ${s.agents.reduce((n, a) => n + a.count, 0)} agents × capacity ${s.capacity} = ${slotsOf(s)} chat slots, ` +
      `${s.service} service times (mean ${s.meanServiceMin} min${s.service === 'lognormal' ? `, σ ${s.sigma}` : ''}). Waits in minutes.`,
    '',
    '| policy | wait p50 | wait p90 | wait max | utilisation | served by own group | drain after window (min) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      ({ label, f }) =>
        `| ${label} | ${min(f.overall.p50)} | ${min(f.overall.p90)} | ${min(f.overall.max)} | ${pct(f.utilisation)} | ${pct(f.ownGroupShare)} | ${f.drainMin.toFixed(1)} |`,
    ),
    '',
    `Fairness — wait p50 / p90 / max by priority class (minutes; n = ${CLASSES.map((c) => `${c} ${rows[0].f.byClass[c].count}`).join(', ')}):`,
    '',
    `| policy | ${CLASSES.join(' | ')} |`,
    `|---|${CLASSES.map(() => '--:').join('|')}|`,
    ...rows.map(
      ({ label, f }) =>
        `| ${label} | ${CLASSES.map((c) => `${min(f.byClass[c].p50)} / ${min(f.byClass[c].p90)} / ${min(f.byClass[c].max)}`).join(' | ')} |`,
    ),
    '',
  ];
  return out.join('\n');
}

const started = performance.now();
const output: string[] = [
  `Routing: agingMs ${routing.agingMs / 1000} s, skillFallbackMs ${routing.skillFallbackMs / 1000} s (product defaults).`,
  '',
];
for (const scenario of scenarios) {
  const customers = arrivals(scenario);
  const rows = policies(routing).map((policy) => ({
    label: policy.label,
    f: figures(simulate(scenario, customers, policy), slotsOf(scenario), windowMsOf(scenario)),
  }));
  output.push(tables(scenario, rows));
}
output.push(`(simulated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.stdout.write(output.join('\n') + '\n');
