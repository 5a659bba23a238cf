import { ConversationMessage } from '../conversations/recent-messages';
import { settleLostSend } from './send-settlement';

const PAGE = '1122';
const PERSON = '6543';
const attemptedAt = new Date('2026-05-01T12:00:10.400Z');

const message = (id: string, createdAt: string, fromId: string, text: string | null): ConversationMessage => ({
  id,
  createdAt,
  fromId,
  text,
});
const person = (id: string, at: string) => message(id, at, PERSON, 'hello?');
const page = (id: string, at: string, text: string | null) => message(id, at, PAGE, text);

describe(settleLostSend.name, () => {
  const lost = { accountId: PAGE, text: 'Your order shipped', attemptedAt };

  it('finds the sent text among the Page messages after the attempt, newest first', () => {
    const recent = [
      page('m_2', '2026-05-01T12:00:10+0000', 'Your order shipped'),
      person('m_1', '2026-05-01T11:59:00+0000'),
    ];
    expect(settleLostSend(recent, lost, 20)).toEqual({
      kind: 'sent',
      metaMessageId: 'm_2',
      sentAt: new Date('2026-05-01T12:00:10Z'),
    });
  });

  it('allows for Meta giving whole seconds: a message stamped the second before the attempt counts', () => {
    const recent = [page('m_2', '2026-05-01T12:00:09+0000', 'Your order shipped')];
    expect(settleLostSend(recent, lost, 20)).toMatchObject({ kind: 'sent', metaMessageId: 'm_2' });
  });

  it('does not take an older message with the same text for this send', () => {
    const recent = [page('m_old', '2026-05-01T11:00:00+0000', 'Your order shipped')];
    expect(settleLostSend(recent, lost, 20)).toEqual({ kind: 'not-sent' });
  });

  it('proves it unsent when the whole span since the attempt is in view and the Page sent nothing in it', () => {
    const fewerThanReadable = [person('m_1', '2026-05-01T12:00:30+0000')];
    expect(settleLostSend(fewerThanReadable, lost, 20)).toEqual({ kind: 'not-sent' });
    const full = Array.from({ length: 20 }, (_, i) =>
      person(`m_${i}`, `2026-05-01T11:${String(59 - i).padStart(2, '0')}:00+0000`),
    );
    expect(settleLostSend(full, lost, 20)).toEqual({ kind: 'not-sent' });
  });

  it('stays unknown when the readable messages all came after the attempt (older ones out of view)', () => {
    const full = Array.from({ length: 20 }, (_, i) =>
      person(`m_${i}`, `2026-05-01T12:01:${String(59 - i).padStart(2, '0')}+0000`),
    );
    expect(settleLostSend(full, lost, 20)).toEqual({ kind: 'unknown' });
  });

  it('stays unknown when the Page sent something else since the attempt: it may be ours, altered', () => {
    const recent = [page('m_2', '2026-05-01T12:00:11+0000', 'Your order shipped!')];
    expect(settleLostSend(recent, lost, 20)).toEqual({ kind: 'unknown' });
  });

  it('never matches content without text; any Page message since the attempt leaves it unknown', () => {
    const attachment = { ...lost, text: null };
    expect(settleLostSend([page('m_2', '2026-05-01T12:00:11+0000', null)], attachment, 20)).toEqual({
      kind: 'unknown',
    });
    expect(settleLostSend([person('m_1', '2026-05-01T11:00:00+0000')], attachment, 20)).toEqual({ kind: 'not-sent' });
  });

  it("ignores the person's messages and other accounts' when looking for the send", () => {
    const recent = [message('m_3', '2026-05-01T12:00:11+0000', '999', 'Your order shipped')];
    expect(settleLostSend(recent, lost, 20)).toEqual({ kind: 'not-sent' });
  });
});
