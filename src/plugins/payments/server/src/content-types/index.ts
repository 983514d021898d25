import channelNotice from './channel-notice';
import payment from './payment';
import refund from './refund';

export default { 'channel-notice': channelNotice, payment, refund };
