import { erasureSubject } from '@app/privacy';
import { appUserErasureRequest, erasureRequest } from '@app/testing';
import { connectingUserOf } from './tokens-eraser';

describe(connectingUserOf.name, () => {
  it.each([
    ['an app user, by the id Meta named', appUserErasureRequest('218471'), '218471'],
    ['nobody for a person who messaged a Page', erasureRequest(), null],
  ])('finds %s', (_name, request, expected) => {
    expect(connectingUserOf(erasureSubject(request))).toBe(expected);
  });
});
