/** How the tokens API presents itself in Swagger UI and openapi.yaml. */
export const TOKENS_API = {
  title: 'Parley tokens',
  description:
    'Page onboarding, encrypted Page tokens, permission diagnostics, webhook subscriptions and CRM client credentials.',
};
