export const PLUGIN_ID = 'feedback';
