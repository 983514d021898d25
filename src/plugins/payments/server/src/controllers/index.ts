import adminPayment from './admin-payment';
import payment from './payment';

export default { payment, 'admin-payment': adminPayment };
