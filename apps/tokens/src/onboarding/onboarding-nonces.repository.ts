import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class OnboardingNoncesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records the nonce; false when it was already redeemed (a replayed state). */
  async redeem(nonce: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO "tokens"."onboarding_nonce" ("nonce", "used_at") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING "nonce"`,
      [nonce, at],
    );
    return rows.length === 1;
  }
}
