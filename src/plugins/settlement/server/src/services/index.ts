import earnings from './earnings';
import exportWriters from './exports';
import ledger from './ledger';
import ledgerPort from './ledger-port';
import settlementBatches from './settlement-batches';
import settlementJobs from './settlement-jobs';
import reports from './reports';

export default { earnings, exports: exportWriters, ledger, 'ledger-port': ledgerPort, reports, 'settlement-batches': settlementBatches, 'settlement-jobs': settlementJobs };
