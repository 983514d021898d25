import adminIm from './admin-im';
import conversations from './conversations';

export default { conversations, 'admin-im': adminIm };
