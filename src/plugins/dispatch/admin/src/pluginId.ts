export const PLUGIN_ID = 'dispatch';
