export const PLUGIN_ID = 'workforce';
