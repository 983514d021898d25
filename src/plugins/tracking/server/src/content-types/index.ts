import locationSample from './location-sample';

export default { 'location-sample': locationSample };
