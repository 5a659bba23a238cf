import { Injectable } from '@nestjs/common';
import { prepared } from '@app/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConversationState, NotificationToken, StateChange } from '../decisions/conversation-state';
import { ConversationIdentity, ConversationsRepository } from './conversations.repository';

interface ConversationRow {
  conversation_id: string;
  channel: 'messenger' | 'instagram';
  account_id: string;
  person_id: string;
  last_user_action_at: Date | null;
  ad_referral_at: Date | null;
  opted_out_at: Date | null;
  opted_in_at: Date | null;
}

interface TokenJson {
  token: string;
  expires_at: string | null;
  active: boolean;
  changed_at: string;
}

/**
 * Merges in SQL the same way `mergeState` does (GREATEST ignores NULL; later token changes win), so
 * concurrent or reordered events converge to one state without locking.
 */
@Injectable()
export class PgConversationsRepository extends ConversationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async apply(eventId: string, c: ConversationIdentity, change: StateChange, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const fresh: unknown[] = await tx.query(
        prepared(`INSERT INTO compliance.processed_event (event_id, conversation_id, processed_at) VALUES ($1, $2, $3)
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`),
        [eventId, c.conversationId, at],
      );
      if (fresh.length === 0) return false;
      await tx.query(
        prepared(`INSERT INTO compliance.conversation AS c (conversation_id, channel, account_id, person_id, last_user_action_at,
           ad_referral_at, opted_out_at, opted_in_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (conversation_id) DO UPDATE SET
           last_user_action_at = GREATEST(c.last_user_action_at, excluded.last_user_action_at),
           ad_referral_at = GREATEST(c.ad_referral_at, excluded.ad_referral_at),
           opted_out_at = GREATEST(c.opted_out_at, excluded.opted_out_at),
           opted_in_at = GREATEST(c.opted_in_at, excluded.opted_in_at),
           updated_at = GREATEST(c.updated_at, excluded.updated_at)`),
        [
          c.conversationId,
          c.channel,
          c.accountId,
          c.personId,
          change.userActionAt,
          change.adReferralAt,
          change.optedOutAt,
          change.optedInAt,
          at,
        ],
      );
      if (change.token) await tx.query(TOKEN_UPSERT, tokenParams(c.conversationId, change.token));
      return true;
    });
  }

  async find(conversationId: string): Promise<ConversationState | null> {
    // One round trip: this read sits on the decision path.
    const rows: (ConversationRow & { tokens: TokenJson[] })[] = await this.dataSource.query(
      prepared(`SELECT c.*, COALESCE((SELECT json_agg(json_build_object('token', t.token, 'expires_at', t.expires_at,
           'active', t.active, 'changed_at', t.changed_at))
         FROM compliance.notification_token t WHERE t.conversation_id = c.conversation_id), '[]') AS tokens
       FROM compliance.conversation c WHERE c.conversation_id = $1`),
      [conversationId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      conversationId: row.conversation_id,
      channel: row.channel,
      accountId: row.account_id,
      personId: row.person_id,
      lastUserActionAt: row.last_user_action_at,
      adReferralAt: row.ad_referral_at,
      optedOutAt: row.opted_out_at,
      optedInAt: row.opted_in_at,
      notificationTokens: row.tokens.map((t) => ({
        token: t.token,
        expiresAt: t.expires_at ? new Date(t.expires_at) : null,
        active: t.active,
        changedAt: new Date(t.changed_at),
      })),
    };
  }

  async erase(conversationId: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      let removed = 0;
      for (const table of ['notification_token', 'processed_event', 'conversation']) {
        const [, count]: [unknown[], number] = await tx.query(
          `DELETE FROM compliance.${table} WHERE conversation_id = $1`,
          [conversationId],
        );
        removed += count;
      }
      return removed;
    });
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [, tokens]: [unknown[], number] = await tx.query(
        `DELETE FROM compliance.notification_token t USING compliance.conversation c
         WHERE t.conversation_id = c.conversation_id AND c.updated_at < $1`,
        [cutoff],
      );
      const [, conversations]: [unknown[], number] = await tx.query(
        `DELETE FROM compliance.conversation WHERE updated_at < $1`,
        [cutoff],
      );
      const [, events]: [unknown[], number] = await tx.query(
        `DELETE FROM compliance.processed_event WHERE processed_at < $1`,
        [cutoff],
      );
      return tokens + conversations + events;
    });
  }
}

const TOKEN_UPSERT =
  prepared(`INSERT INTO compliance.notification_token AS t (token, conversation_id, expires_at, active, changed_at)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (token) DO UPDATE SET expires_at = excluded.expires_at, active = excluded.active, changed_at = excluded.changed_at
  WHERE excluded.changed_at > t.changed_at OR (excluded.changed_at = t.changed_at AND NOT excluded.active)`);

function tokenParams(conversationId: string, token: NotificationToken): unknown[] {
  return [token.token, conversationId, token.expiresAt, token.active, token.changedAt];
}
