import adminTracking from './admin-tracking';
import location from './location';

export default { location, 'admin-tracking': adminTracking };
