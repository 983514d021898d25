import earnings from './earnings';
import ledger from './ledger';
import ledgerPort from './ledger-port';
import reports from './reports';

export default { earnings, ledger, 'ledger-port': ledgerPort, reports };
