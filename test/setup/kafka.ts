/** Starts one Apache Kafka for the whole run unless TEST_KAFKA_BROKERS is set (filled in by the Kafka work). */
export async function startTestKafka(): Promise<void> {}

export async function stopTestKafka(): Promise<void> {}
