export abstract class AccountTenantsRepository {
  /** Keeps the latest owner of each account; an older connection event arriving late changes nothing. */
  abstract record(accountIds: readonly string[], tenantId: string, at: Date): Promise<void>;
  abstract tenantOf(accountId: string): Promise<string | null>;
}
