import order from './order';

export default { order };
