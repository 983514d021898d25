import journalEntry from './journal-entry';
import journalLine from './journal-line';
import workerEarning from './worker-earning';

export default { 'journal-entry': journalEntry, 'journal-line': journalLine, 'worker-earning': workerEarning };
