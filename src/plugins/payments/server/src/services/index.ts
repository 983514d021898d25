import adminPayments from './admin-payments';
import channelClose from './channel-close';
import channels from './channels';
import checkout from './checkout';
import followUp from './follow-up';
import notices from './notices';
import notifyPipeline from './notify-pipeline';
import refundFollowUp from './refund-follow-up';
import refundRetry from './refund-retry';
import refundSweeper from './refund-sweeper';
import refunds from './refunds';
import sandbox from './sandbox';
import urls from './urls';
import wallet from './wallet';

export default {
  'admin-payments': adminPayments,
  'channel-close': channelClose,
  channels,
  checkout,
  'follow-up': followUp,
  notices,
  'notify-pipeline': notifyPipeline,
  refunds,
  'refund-follow-up': refundFollowUp,
  'refund-retry': refundRetry,
  'refund-sweeper': refundSweeper,
  sandbox,
  urls,
  wallet,
};
