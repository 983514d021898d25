import earnings from './earnings';
import reports from './reports';

export default { earnings, reports };
