import payment from './payment';
import refund from './refund';

export default { payment, refund };
