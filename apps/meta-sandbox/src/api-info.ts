/** How the sandbox presents itself in Swagger UI. */
export const META_SANDBOX_API = {
  title: 'Parley Meta sandbox',
  description:
    "A local stand-in for Meta: Graph API routes, the person's side, signed webhook deliveries, Meta's errors and limits.",
};
