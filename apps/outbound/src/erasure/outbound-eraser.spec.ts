import { erasureSubject } from '@app/privacy';
import { appUserErasureRequest, erasureRequest } from '@app/testing';
import { ConversationErasure } from './conversation-erasure';
import { ErasedRows, ErasureRepository } from './erasure.repository';
import { OutboundEraser } from './outbound-eraser';

class CountingRepository extends ErasureRepository {
  readonly erased: ConversationErasure[] = [];
  constructor(private readonly rows: ErasedRows) {
    super();
  }
  async eraseConversation(erasure: ConversationErasure): Promise<ErasedRows> {
    this.erased.push(erasure);
    return this.rows;
  }
}

describe(OutboundEraser.name, () => {
  describe('erase', () => {
    it("counts the person's messages, status steps and answers", async () => {
      const repository = new CountingRepository({ messages: 2, statuses: 5, answers: 3 });
      const sut = new OutboundEraser(repository);

      const outcome = await sut.erase(erasureSubject(erasureRequest()));

      expect(outcome).toEqual({ deletedRecords: 10, detail: null });
      expect(repository.erased).toEqual([{ conversationId: 'messenger:1122:6543', recipientId: '6543' }]);
    });

    it('touches nothing for an app user and says why', async () => {
      const repository = new CountingRepository({ messages: 1, statuses: 1, answers: 1 });
      const sut = new OutboundEraser(repository);

      const outcome = await sut.erase(erasureSubject(appUserErasureRequest('218471')));

      expect(outcome.deletedRecords).toBe(0);
      expect(outcome.detail).toMatch(/keeps nothing keyed by a Facebook user's app-scoped id/);
      expect(repository.erased).toEqual([]);
    });
  });
});
