import { GraphError } from './graph-error';
import { parseFields, projectNode } from './fields';

describe(parseFields.name, () => {
  it.each([
    ['id,name', { id: { sub: null }, name: { sub: null } }],
    [
      'id,name,access_token,tasks,instagram_business_account{id,username}',
      {
        id: { sub: null },
        name: { sub: null },
        access_token: { sub: null },
        tasks: { sub: null },
        instagram_business_account: { sub: { id: { sub: null }, username: { sub: null } } },
      },
    ],
    [
      'messages.limit(5){message,from}',
      { messages: { limit: 5, sub: { message: { sub: null }, from: { sub: null } } } },
    ],
    ['a, b', { a: { sub: null }, b: { sub: null } }],
  ])('%s', (input, expected) => {
    expect(parseFields(input)).toEqual(expected);
  });

  it('treats an absent or empty parameter as no selection', () => {
    expect(parseFields(undefined)).toBeNull();
    expect(parseFields('')).toBeNull();
  });

  it.each(['a{b', 'a}', 'a,,b', '{a}'])('rejects %s with code 100', (input) => {
    expect(() => parseFields(input)).toThrow(GraphError);
  });
});

describe(projectNode.name, () => {
  const source = { name: 'Acme', about: undefined, ig: (sub: unknown) => ({ sub }) };

  it('keeps request order and puts id last unless requested', () => {
    expect(Object.keys(projectNode('Page', '1', source, parseFields('name'), []))).toEqual(['name', 'id']);
    expect(Object.keys(projectNode('Page', '1', source, parseFields('id,name'), []))).toEqual(['id', 'name']);
  });

  it('uses the defaults without a selection and leaves out undefined values', () => {
    expect(projectNode('Page', '1', source, null, ['name', 'about'])).toEqual({ name: 'Acme', id: '1' });
  });

  it('resolves nested selections', () => {
    expect(projectNode('Page', '1', source, parseFields('ig{id}'), [])).toEqual({
      ig: { sub: { id: { sub: null } } },
      id: '1',
    });
  });

  it('rejects unknown fields like Graph', () => {
    expect(() => projectNode('Page', '1', source, parseFields('nope'), [])).toThrow(
      '(#100) Tried accessing nonexisting field (nope) on node type (Page)',
    );
  });
});
