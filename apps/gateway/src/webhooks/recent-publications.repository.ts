/**
 * The bounded window of ids the gateway already published (deliveries and events), so a redelivery
 * storm costs one lookup. Only an optimization: consumers dedupe by `ce_id` regardless.
 */
export abstract class RecentPublicationsRepository {
  /** Which of these ids were published within the window. */
  abstract findPublished(ids: readonly string[], windowSeconds: number): Promise<Set<string>>;
  abstract remember(ids: readonly string[]): Promise<void>;
  /** Drops ids older than the window; returns how many. */
  abstract forgetOlderThan(windowSeconds: number): Promise<number>;
}
