import { parseSubscribedFields } from './subscribed-apps.service';

describe(parseSubscribedFields.name, () => {
  it.each<[unknown, string[]]>([
    ['messages,message_echoes', ['messages', 'message_echoes']],
    [' messages , standby ', ['messages', 'standby']],
    [
      ['messages', 'messaging_referral'],
      ['messages', 'messaging_referral'],
    ],
    ['messages,messages', ['messages']],
    ['messaging_handover,messaging_handovers', ['messaging_handover', 'messaging_handovers']],
  ])('accepts %j', (raw, expected) => {
    expect(parseSubscribedFields(raw)).toEqual(expected);
  });

  it.each<[unknown, string]>([
    [undefined, '(#100) The parameter subscribed_fields is required'],
    ['', '(#100) The parameter subscribed_fields is required'],
    ['messages,cat_pictures', '(#100) Param subscribed_fields[1] must be one of'],
  ])('refuses %j', (raw, message) => {
    expect(() => parseSubscribedFields(raw)).toThrow(message);
  });
});
