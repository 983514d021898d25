import earnings from './earnings';
import settlements from './settlements';

export default { earnings, settlements };
