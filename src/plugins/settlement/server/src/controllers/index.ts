import earnings from './earnings';

export default { earnings };
