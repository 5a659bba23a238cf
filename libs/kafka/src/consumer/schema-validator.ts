import { TopicName, validateTopicPayload } from '@app/contracts';
import { Validation } from './event-consumer';

/** A consumer's `validate` from the topic's registered JSON Schema: a payload it rejects goes to `<topic>.dlq`. */
export function schemaValidator<T>(topic: TopicName): (value: unknown) => Validation<T> {
  return (value) => {
    const result = validateTopicPayload(topic, value);
    return result.valid ? { ok: true, value: value as T } : { ok: false, reason: result.errors.join('; ') };
  };
}
