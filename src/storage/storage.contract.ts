// The one storage contract suite (DESIGN convention 6): every adapter's test file runs it, the way Hono
// runs common.case.test.ts over every router. `open` must return a fresh, empty storage on each call.
import { describe } from 'vitest';
import type { Storage } from './ports.js';
import { conversationCases } from './contract/conversations.contract.js';
import { messageCases } from './contract/messages.contract.js';
import { kbCases } from './contract/kb.contract.js';
import { kbLifecycleCases } from './contract/kb-lifecycle.contract.js';
import { accountCases } from './contract/accounts.contract.js';
import { transactionCases } from './contract/transactions.contract.js';
import { evidenceCases } from './contract/evidence.contract.js';
import { complaintCases } from './contract/complaints.contract.js';
import { routingCases } from './contract/routing.contract.js';
import { agentDeskCases } from './contract/agent-desk.contract.js';
import { learningCases } from './contract/learning.contract.js';
import { insightCases } from './contract/insights.contract.js';

export function runStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    conversationCases(open);
    messageCases(open);
    kbCases(open);
    kbLifecycleCases(open);
    accountCases(open);
    transactionCases(open);
    evidenceCases(open);
    complaintCases(open);
    routingCases(open);
    agentDeskCases(open);
    insightCases(open);
    learningCases(open);
  });
}
