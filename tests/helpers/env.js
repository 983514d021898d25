// Test processes never read the developer's .env secrets; they get throwaway ones.
const defaults = {
  NODE_ENV: 'test',
  STRAPI_LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  BROWSER: 'none',
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
  SMS_PROVIDER: 'console',
  // Test-only channel: tests pay through it (tests/api/payments/sandbox-off.test.ts checks it off).
  PAYMENTS_SANDBOX: 'true',
};
for (const [key, value] of Object.entries(defaults)) {
  if (process.env[key] === undefined) process.env[key] = value;
}
