import { HttpAnswer, MetaErrorBody } from './graph-client';

export interface ExpectedError {
  status: number;
  code: number;
  subcode?: number;
  type?: string;
  message?: string | RegExp;
}

/** Checks Meta's error body: keys in Meta's order, code, subcode, type, status and a trace id. */
export function expectMetaError(answer: HttpAnswer<unknown>, expected: ExpectedError): void {
  const body = answer.body as MetaErrorBody;
  const keys = Object.keys(body.error ?? {});
  const expectedKeys = [
    'message',
    'type',
    'code',
    ...(expected.subcode !== undefined ? ['error_subcode'] : []),
    ...(keys.includes('is_transient') ? ['is_transient'] : []),
    'fbtrace_id',
  ];
  expect({
    status: answer.status,
    keys,
    code: body.error?.code,
    subcode: body.error?.error_subcode,
    type: body.error?.type,
  }).toEqual({
    status: expected.status,
    keys: expectedKeys,
    code: expected.code,
    subcode: expected.subcode,
    type: expected.type ?? 'OAuthException',
  });
  expect(body.error.fbtrace_id).toMatch(/^[A-Za-z0-9]{8,}$/);
  expect(answer.headers.get('x-fb-trace-id')).toBe(body.error.fbtrace_id);
  if (expected.message !== undefined) expect(body.error.message).toMatch(expected.message);
}
