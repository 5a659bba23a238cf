export const DEAD_LETTER_HEADERS = {
  reason: 'dlq_reason',
  consumerGroup: 'dlq_consumer_group',
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

const MAX_REASON_LENGTH = 1000;

export interface DeadLetterFacts {
  readonly reason: string;
  readonly consumerGroup: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempts: number;
  readonly failedAt: Date;
}

/** The original record's headers plus why, where from and by whom it was dead-lettered. */
export function deadLetterHeaders(
  original: Readonly<Record<string, string>>,
  facts: DeadLetterFacts,
): Record<string, string> {
  return {
    ...original,
    [DEAD_LETTER_HEADERS.reason]: facts.reason.slice(0, MAX_REASON_LENGTH),
    [DEAD_LETTER_HEADERS.consumerGroup]: facts.consumerGroup,
    [DEAD_LETTER_HEADERS.topic]: facts.topic,
    [DEAD_LETTER_HEADERS.partition]: String(facts.partition),
    [DEAD_LETTER_HEADERS.offset]: facts.offset,
    [DEAD_LETTER_HEADERS.attempts]: String(facts.attempts),
    [DEAD_LETTER_HEADERS.failedAt]: facts.failedAt.toISOString(),
  };
}

/** One line naming the failure, for the reason header. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
