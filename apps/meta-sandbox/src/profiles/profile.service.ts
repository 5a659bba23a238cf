import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { ConversationRepository } from '../conversations/conversation.repository';
import { GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { parseFields, projectNode } from '../graph/fields';
import { GraphNode } from '../graph/graph-node.resolver';
import { WorldRepository } from '../world/world.repository';

const EXTRA_FIELD_PERMISSIONS: Record<string, string> = {
  locale: 'pages_user_locale',
  timezone: 'pages_user_timezone',
  gender: 'pages_user_gender',
};

/** User Profile API for PSIDs and IGSIDs (meta-platform.md §10). */
@Injectable()
export class ProfileService {
  constructor(
    private readonly auth: GraphAuthService,
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
  ) {}

  async read(
    call: GraphCall,
    ctx: AuthContext,
    node: Extract<GraphNode, { kind: 'person' }>,
  ): Promise<Record<string, unknown>> {
    const { identity, person } = node;
    const channel = identity.channel;
    const ig = channel === 'instagram' ? await this.world.instagramAccount(identity.accountId) : null;
    const pageId = ig ? ig.pageId : identity.accountId;
    await this.auth.requirePage(ctx, pageId, node.id, 'get', 'profile', channel);
    await this.auth.countBusinessUseCase(call, channel, identity.accountId);
    const selection = parseFields(typeof call.params.fields === 'string' ? call.params.fields : undefined);
    const thread = await this.conversations.findByParticipants(identity.accountId, identity.scopedId);
    // Profiles are available only once the person interacted with the business.
    if (!thread?.lastUserActionAt) throw GraphErrors.userConsentRequired();
    if (!person.available) return { id: identity.scopedId };
    if (channel === 'instagram') {
      return projectNode(
        'InstagramUser',
        identity.scopedId,
        {
          name: person.name,
          username: person.username,
          profile_pic: `https://scontent.cdninstagram.com/v/t51.2885-19/${identity.scopedId}_profile.jpg`,
          follower_count: person.followerCount,
          is_user_follow_business: false,
          is_business_follow_user: false,
          is_verified_user: false,
        },
        selection,
        ['name', 'username', 'profile_pic'],
      );
    }
    for (const field of Object.keys(selection ?? {})) {
      const permission = EXTRA_FIELD_PERMISSIONS[field];
      if (permission && !ctx.granted.includes(permission)) throw GraphErrors.missingPermission(permission);
    }
    return projectNode(
      'User',
      identity.scopedId,
      {
        name: person.name,
        first_name: person.firstName,
        last_name: person.lastName,
        profile_pic: `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${identity.scopedId}&height=50&width=50`,
        locale: person.locale,
        timezone: person.timezone,
        gender: undefined,
      },
      selection,
      ['name', 'first_name', 'last_name', 'profile_pic'],
    );
  }
}
