import { TopicName, validateTopicPayload } from '@app/contracts';
import { Validation } from '@app/kafka';

/** A consumer's validator from the topic's registered JSON Schema. */
export function schemaValidator<T>(topic: TopicName): (value: unknown) => Validation<T> {
  return (value) => {
    const result = validateTopicPayload(topic, value);
    return result.valid ? { ok: true, value: value as T } : { ok: false, reason: result.errors.join('; ') };
  };
}
