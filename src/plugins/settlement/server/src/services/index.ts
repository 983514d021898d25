import earnings from './earnings';
import ledger from './ledger';
import ledgerPort from './ledger-port';

export default { earnings, ledger, 'ledger-port': ledgerPort };
