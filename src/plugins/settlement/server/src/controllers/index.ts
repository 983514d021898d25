import earnings from './earnings';
import settlements from './settlements';
import reports from './reports';

export default { earnings, settlements, reports };
