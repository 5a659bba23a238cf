import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AdminUserEntity,
  AppEntity,
  AppGrantEntity,
  IdentityEntity,
  InstagramAccountEntity,
  PageEntity,
  PageRoleEntity,
  PageSubscriptionEntity,
  PersonEntity,
} from './world.entities';

export interface World {
  apps: AppEntity[];
  pages: PageEntity[];
  instagramAccounts: InstagramAccountEntity[];
  subscriptions: PageSubscriptionEntity[];
  people: PersonEntity[];
  identities: IdentityEntity[];
  admins: AdminUserEntity[];
  roles: PageRoleEntity[];
  grants: AppGrantEntity[];
}

/** Apps, Pages, Instagram accounts, people and admins: the simulated side of Meta. */
@Injectable()
export class WorldRepository {
  constructor(private readonly db: DataSource) {}

  async insertWorld(world: World): Promise<void> {
    await this.db.transaction(async (tx: EntityManager) => {
      await tx.insert(AppEntity, world.apps);
      if (world.pages.length) await tx.insert(PageEntity, world.pages);
      if (world.instagramAccounts.length) await tx.insert(InstagramAccountEntity, world.instagramAccounts);
      if (world.subscriptions.length) await tx.insert(PageSubscriptionEntity, world.subscriptions);
      if (world.people.length) await tx.insert(PersonEntity, world.people);
      if (world.identities.length) await tx.insert(IdentityEntity, world.identities);
      if (world.admins.length) await tx.insert(AdminUserEntity, world.admins);
      if (world.roles.length) await tx.insert(PageRoleEntity, world.roles);
      if (world.grants.length) await tx.insert(AppGrantEntity, world.grants);
    });
  }

  app(id: string): Promise<AppEntity | null> {
    return this.db.getRepository(AppEntity).findOneBy({ id });
  }

  async updateApp(id: string, patch: Partial<AppEntity>): Promise<void> {
    await this.db.getRepository(AppEntity).update({ id }, patch);
  }

  page(id: string): Promise<PageEntity | null> {
    return this.db.getRepository(PageEntity).findOneBy({ id });
  }

  instagramAccount(id: string): Promise<InstagramAccountEntity | null> {
    return this.db.getRepository(InstagramAccountEntity).findOneBy({ id });
  }

  instagramAccountOfPage(pageId: string): Promise<InstagramAccountEntity | null> {
    return this.db.getRepository(InstagramAccountEntity).findOneBy({ pageId });
  }

  subscriptions(pageId: string): Promise<PageSubscriptionEntity[]> {
    return this.db.getRepository(PageSubscriptionEntity).find({ where: { pageId }, order: { subscribedAt: 'ASC' } });
  }

  async subscribe(appId: string, pageId: string, fields: string[], at: Date): Promise<void> {
    await this.db
      .getRepository(PageSubscriptionEntity)
      .upsert({ appId, pageId, fields, subscribedAt: at }, ['appId', 'pageId']);
  }

  async unsubscribe(appId: string, pageIds: string[]): Promise<void> {
    if (pageIds.length) await this.db.getRepository(PageSubscriptionEntity).delete({ appId, pageId: In(pageIds) });
  }

  appsByIds(ids: string[]): Promise<AppEntity[]> {
    return ids.length ? this.db.getRepository(AppEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  person(id: string): Promise<PersonEntity | null> {
    return this.db.getRepository(PersonEntity).findOneBy({ id });
  }

  async updatePerson(id: string, patch: Partial<PersonEntity>): Promise<void> {
    await this.db.getRepository(PersonEntity).update({ id }, patch);
  }

  identity(scopedId: string): Promise<IdentityEntity | null> {
    return this.db.getRepository(IdentityEntity).findOneBy({ scopedId });
  }

  identitiesOf(personId: string): Promise<IdentityEntity[]> {
    return this.db
      .getRepository(IdentityEntity)
      .find({ where: { personId }, order: { channel: 'ASC', accountId: 'ASC' } });
  }

  countIdentities(accountId: string): Promise<number> {
    return this.db.getRepository(IdentityEntity).countBy({ accountId });
  }

  adminUser(id: string): Promise<AdminUserEntity | null> {
    return this.db.getRepository(AdminUserEntity).findOneBy({ id });
  }

  role(userId: string, pageId: string): Promise<PageRoleEntity | null> {
    return this.db.getRepository(PageRoleEntity).findOneBy({ userId, pageId });
  }

  rolesOf(userId: string): Promise<PageRoleEntity[]> {
    return this.db.getRepository(PageRoleEntity).find({ where: { userId }, order: { pageId: 'ASC' } });
  }

  async setTasks(userId: string, pageId: string, tasks: string[]): Promise<void> {
    if (tasks.length === 0) await this.db.getRepository(PageRoleEntity).delete({ userId, pageId });
    else await this.db.getRepository(PageRoleEntity).upsert({ userId, pageId, tasks }, ['userId', 'pageId']);
  }

  pagesByIds(ids: string[]): Promise<PageEntity[]> {
    return ids.length
      ? this.db.getRepository(PageEntity).find({ where: { id: In(ids) }, order: { id: 'ASC' } })
      : Promise.resolve([]);
  }

  instagramAccountsOfPages(pageIds: string[]): Promise<InstagramAccountEntity[]> {
    return pageIds.length
      ? this.db.getRepository(InstagramAccountEntity).findBy({ pageId: In(pageIds) })
      : Promise.resolve([]);
  }

  grant(appId: string, userId: string): Promise<AppGrantEntity | null> {
    return this.db.getRepository(AppGrantEntity).findOneBy({ appId, userId });
  }

  async saveGrant(grant: AppGrantEntity): Promise<void> {
    await this.db.getRepository(AppGrantEntity).save(grant);
  }

  /** Users with a role on a Page of this app's subscriptions or a grant, first one first (for the login dialog). */
  async usersWithGrant(appId: string): Promise<AppGrantEntity[]> {
    return this.db.getRepository(AppGrantEntity).find({ where: { appId }, order: { userId: 'ASC' } });
  }
}
