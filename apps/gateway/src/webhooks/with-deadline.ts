export class DeadlineExceededError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/** Settles like `work`, or rejects with DeadlineExceededError once `ms` passed (the work keeps running). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
