/** How the gateway API presents itself in Swagger UI and openapi.yaml. */
export const GATEWAY_API = {
  title: 'Parley gateway',
  description: "Meta's webhook deliveries and callbacks, verified, normalized and published to Kafka.",
};
