/** What an ERP integration may do with a key. Later issues add scopes as they add endpoints. */
export const apiKeyScopes = ['integration:read', 'integration:write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
