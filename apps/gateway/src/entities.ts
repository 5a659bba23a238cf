import { EntityClasses } from '@app/database';
import { RecentPublicationEntity } from './webhooks/recent-publication.entity';

/** Every TypeORM entity of the gateway schema (the drift test compares them with the migrations). */
export const GATEWAY_ENTITIES: EntityClasses = [RecentPublicationEntity];
