import journalEntry from './journal-entry';
import journalLine from './journal-line';

export default { 'journal-entry': journalEntry, 'journal-line': journalLine };
