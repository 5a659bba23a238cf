/** How the compliance API presents itself in Swagger UI and openapi.yaml. */
export const COMPLIANCE_API = {
  title: 'Parley compliance',
  description: 'Messaging windows, tag rules, opt-outs, send decisions, audit and data deletion.',
};
