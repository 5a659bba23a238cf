import { MetaCallbackEvent, OutboundStatusEvent } from '@app/contracts';
import { Clock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { ConnectionsRepository } from '../connections/connections.repository';
import { ConnectionsService } from '../connections/connections.service';
import { PageConnectionEntity } from '../connections/page-connection.entity';
import { TokenDebugInfo } from '../diagnostics/diagnostics-rules';
import { MetaApi } from '../meta/meta-api';
import { TokenHealthService } from './token-health.service';

class FakeConnections {
  invalid: Array<[string, string]> = [];
  disconnected: Array<[string, string]> = [];
  permissions: Array<[string, string[]]> = [];
  repaired: string[] = [];
  markInvalid(accountId: string, reason: string) {
    this.invalid.push([accountId, reason]);
    return Promise.resolve(true);
  }
  disconnect(pageId: string, reason: string) {
    this.disconnected.push([pageId, reason]);
    return Promise.resolve(true);
  }
  tokens(pageId: string) {
    return Promise.resolve({ connection: { pageId }, pageToken: `page-${pageId}`, userToken: `user-${pageId}` });
  }
  updatePermissions(pageId: string, permissions: string[]) {
    this.permissions.push([pageId, permissions]);
    return Promise.resolve(true);
  }
  repairSubscription(pageId: string) {
    this.repaired.push(pageId);
    return Promise.resolve({ repaired: false, fields: [] });
  }
}

const connection = (pageId: string, grantedBy: string | null) =>
  Object.assign(new PageConnectionEntity(), { pageId, grantedBy, status: 'active' });

describe(TokenHealthService.name, () => {
  let connections: FakeConnections;
  let debug: TokenDebugInfo;
  let sut: TokenHealthService;
  const checked: string[] = [];

  beforeEach(() => {
    connections = new FakeConnections();
    debug = { isValid: true, scopes: [], expiresAt: 0 };
    const repository = {
      listActive: () => Promise.resolve([connection('p1', 'u1'), connection('p2', 'u2'), connection('p3', 'u1')]),
      markChecked: (pageId: string) => Promise.resolve(void checked.push(pageId)),
    };
    const meta = {
      debugToken: () => Promise.resolve(debug),
      permissions: () =>
        Promise.resolve([
          { permission: 'pages_messaging', status: 'granted' },
          { permission: 'business_management', status: 'declined' },
        ]),
    };
    const clock = { now: () => new Date('2026-11-25T06:00:00Z') };
    sut = new TokenHealthService(
      connections as unknown as ConnectionsService,
      repository as unknown as ConnectionsRepository,
      meta as unknown as MetaApi,
      clock as Clock,
      Object.assign(new TokensConfig(), { HEALTH_CHECK_INTERVAL_SECONDS: 0 }),
    );
  });

  describe('onOutboundStatus', () => {
    const status = (failure: OutboundStatusEvent['failure']) =>
      ({ accountId: 'ig1', status: 'failed', failure }) as OutboundStatusEvent;

    it('invalidates the account on error 190', async () => {
      await sut.onOutboundStatus(
        status({ reason: 'token_invalid', detail: '', metaCode: 190, metaSubcode: 467, fbtraceId: null }),
      );
      expect(connections.invalid).toEqual([['ig1', 'meta_error_190_467']]);
    });

    it('ignores failures that say nothing about the token', async () => {
      await sut.onOutboundStatus(
        status({ reason: 'outside_window', detail: '', metaCode: 10, metaSubcode: 2018278, fbtraceId: null }),
      );
      expect(connections.invalid).toEqual([]);
    });
  });

  describe('onMetaCallback', () => {
    it('disconnects every Page the deauthorizing user granted, without calling Meta', async () => {
      await sut.onMetaCallback({ kind: 'deauthorize', appScopedUserId: 'u1' } as MetaCallbackEvent);
      expect(connections.disconnected).toEqual([
        ['p1', 'deauthorized'],
        ['p3', 'deauthorized'],
      ]);
    });

    it('leaves data-deletion callbacks to compliance', async () => {
      await sut.onMetaCallback({ kind: 'data_deletion', appScopedUserId: 'u1' } as MetaCallbackEvent);
      expect(connections.disconnected).toEqual([]);
    });
  });

  describe('check', () => {
    it('records granted permissions and repairs the subscription of a healthy connection', async () => {
      await sut.check('p1');
      expect(connections.permissions).toEqual([['p1', ['pages_messaging']]]);
      expect(connections.repaired).toEqual(['p1']);
      expect(checked).toContain('p1');
    });

    it('invalidates a connection whose token Meta calls invalid, and stops there', async () => {
      debug = { isValid: false, scopes: [], error: { code: 190, subcode: 460, message: 'changed password' } };
      await sut.check('p2');
      expect(connections.invalid).toEqual([['p2', 'debug_token_invalid_190_460']]);
      expect(connections.repaired).toEqual([]);
    });
  });
});
