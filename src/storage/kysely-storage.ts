// The one Storage implementation both adapters share: only the Kysely instance (dialect, connection)
// differs between SQLite and PostgreSQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repositories, Storage } from './ports.js';
import { atomically, type Db, type Executor } from './executor.js';
import { conversationRepository } from './conversation-repository.js';
import { messageRepository } from './message-repository.js';
import { kbRepository } from './kb-repository.js';
import { userRepository } from './user-repository.js';
import { sessionRepository } from './session-repository.js';
import { keyRepository } from './key-repository.js';
import { ratingRepository } from './rating-repository.js';
import { complaintRepository } from './complaint-repository.js';
import { auditRepository } from './audit-repository.js';
import { agentStateRepository } from './agent-state-repository.js';
import { handoffRepository } from './handoff-repository.js';
import { callbackTicketRepository } from './callback-ticket-repository.js';
import { noteRepository } from './note-repository.js';
import { cannedReplyRepository } from './canned-reply-repository.js';
import { regressionCaseRepository } from './regression-case-repository.js';
import { insightRepository } from './insight-repository.js';
import { customerRepository } from './customer-repository.js';
import { unansweredRepository } from './unanswered-repository.js';
import { answerFeedbackRepository } from './answer-feedback-repository.js';
import { kbProposalRepository } from './kb-proposal-repository.js';

function repositories(db: Executor): Repositories {
  return {
    conversations: conversationRepository(db),
    messages: messageRepository(db),
    kb: kbRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    keys: keyRepository(db),
    ratings: ratingRepository(db),
    complaints: complaintRepository(db),
    audit: auditRepository(db),
    agentStates: agentStateRepository(db),
    handoffs: handoffRepository(db),
    callbackTickets: callbackTicketRepository(db),
    notes: noteRepository(db),
    cannedReplies: cannedReplyRepository(db),
    regressionCases: regressionCaseRepository(db),
    insights: insightRepository(db),
    customers: customerRepository(db),
    unanswered: unansweredRepository(db),
    answerFeedback: answerFeedbackRepository(db),
    kbProposals: kbProposalRepository(db),
  };
}

interface OpenTransaction {
  trx: Db;
  ended: boolean;
}

/**
 * Inside `transaction(fn)`, calls made through this outer storage join fn's transaction (tracked with
 * AsyncLocalStorage) instead of waiting for a connection: with SQLite's single connection that wait
 * would never end, and with PostgreSQL it could wait on a row lock fn holds. A nested `transaction()`
 * becomes a savepoint of the enclosing one. Calls scheduled from fn that run after it returned use the
 * storage normally again.
 */
export function kyselyStorage(kind: Storage['kind'], db: Db): Storage {
  const open = new AsyncLocalStorage<OpenTransaction>();
  const current = (): Db => {
    const tx = open.getStore();
    return tx && !tx.ended ? tx.trx : db;
  };
  return {
    kind,
    ...repositories(current),
    transaction: (fn) =>
      atomically(current(), async (trx) => {
        const tx: OpenTransaction = { trx, ended: false };
        try {
          return await open.run(tx, () => fn(repositories(() => trx)));
        } finally {
          tx.ended = true;
        }
      }),
    close: () => db.destroy(),
  };
}
