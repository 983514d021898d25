import conversation from './conversation';
import message from './message';

export default { conversation, message };
