import { describeMultipartForms } from './api-multipart-forms';

/** How the outbound API presents itself in Swagger UI and openapi.yaml. */
export const OUTBOUND_API = {
  title: 'Parley outbound',
  description: 'Send messages, sender actions and handovers to Messenger and Instagram, with status history.',
  amendDocument: describeMultipartForms,
};
