import journalEntry from './journal-entry';
import journalLine from './journal-line';
import workerEarning from './worker-earning';
import settlementBatch from './settlement-batch';
import settlementPayout from './settlement-payout';
import settlementStatement from './settlement-statement';

export default { 'journal-entry': journalEntry, 'journal-line': journalLine, 'worker-earning': workerEarning,
  'settlement-batch': settlementBatch,
  'settlement-statement': settlementStatement,
  'settlement-payout': settlementPayout,
};
