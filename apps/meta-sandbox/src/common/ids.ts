import { Injectable } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';

/** Makes ids that look like Meta's (meta-platform.md §12): numeric strings, `m_…` and `aWdf…` mids, `EAA…` tokens. */
export abstract class IdGenerator {
  abstract numeric(digits: number, prefix?: string): string;
  abstract appId(): string;
  abstract pageId(): string;
  abstract instagramAccountId(): string;
  abstract scopedUserId(): string;
  abstract messageId(channel: 'messenger' | 'instagram', accountId: string): string;
  abstract conversationId(channel: 'messenger' | 'instagram', accountId: string): string;
  abstract accessToken(): string;
  abstract secret(): string;
  abstract oauthCode(): string;
  abstract fbtraceId(): string;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

@Injectable()
export class RandomIdGenerator extends IdGenerator {
  numeric(digits: number, prefix = ''): string {
    let out = prefix || String(randomInt(1, 10));
    while (out.length < digits) out += String(randomInt(0, 10));
    return out;
  }

  /** Below 2^53 so echoes can carry it as a JSON number, as Meta does. */
  appId(): string {
    return this.numeric(15);
  }

  pageId(): string {
    return this.numeric(15, '1');
  }

  instagramAccountId(): string {
    return this.numeric(17, '17841');
  }

  scopedUserId(): string {
    return this.numeric(16);
  }

  messageId(channel: 'messenger' | 'instagram', accountId: string): string {
    if (channel === 'messenger') return 'm_' + randomBytes(64).toString('base64url');
    // Instagram mids are base64 of an "ig_message_item" descriptor, hence the `aWdf` prefix.
    const descriptor = `ig_message_item:1:IGMessageThread:${accountId}:${this.numeric(39)}`;
    return Buffer.from(descriptor).toString('base64url');
  }

  conversationId(channel: 'messenger' | 'instagram', accountId: string): string {
    if (channel === 'messenger') return 't_' + this.numeric(16);
    return Buffer.from(`ig_conversation:${accountId}:${this.numeric(20)}`).toString('base64url');
  }

  accessToken(): string {
    return 'EAA' + this.base62(180);
  }

  secret(): string {
    return randomBytes(16).toString('hex');
  }

  oauthCode(): string {
    return 'AQ' + randomBytes(96).toString('base64url');
  }

  fbtraceId(): string {
    return 'A' + this.base62(22);
  }

  private base62(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE62[randomInt(0, BASE62.length)];
    return out;
  }
}

export abstract class Clock {
  abstract now(): number;
}

@Injectable()
export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}

/** Randomness for chaos switches (duplicate rate). */
export abstract class Dice {
  /** A number in [0, 1). */
  abstract roll(): number;
}

@Injectable()
export class RandomDice extends Dice {
  roll(): number {
    return randomInt(0, 1_000_000) / 1_000_000;
  }
}
