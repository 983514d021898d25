import channels from './channels';
import checkout from './checkout';
import followUp from './follow-up';
import notices from './notices';
import notifyPipeline from './notify-pipeline';
import refunds from './refunds';
import sandbox from './sandbox';
import urls from './urls';
import wallet from './wallet';

export default {
  channels,
  checkout,
  'follow-up': followUp,
  notices,
  'notify-pipeline': notifyPipeline,
  refunds,
  sandbox,
  urls,
  wallet,
};
