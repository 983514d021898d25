import ledger from './ledger';

export default { ledger };
