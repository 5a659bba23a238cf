import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An id (delivery or event) the gateway published, kept for the dedupe window. */
@Entity({ name: 'recent_publication' })
export class RecentPublicationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('recent_publication_published_at_idx')
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
