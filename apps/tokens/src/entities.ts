import { EntityClasses } from '@app/database';
import { CrmClientEntity } from './clients/crm-client.entity';
import { SigningKeyEntity } from './clients/signing-key.entity';
import { PageConnectionEntity } from './connections/page-connection.entity';
import { OnboardingNonceEntity } from './onboarding/onboarding-nonce.entity';

/** Every TypeORM entity of the tokens schema (the drift test compares them with the migrations). */
export const TOKENS_ENTITIES: EntityClasses = [
  PageConnectionEntity,
  CrmClientEntity,
  SigningKeyEntity,
  OnboardingNonceEntity,
];
