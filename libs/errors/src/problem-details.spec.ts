import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-codes';
import { toProblemDetails } from './problem-details';

describe(toProblemDetails.name, () => {
  const context = { instance: '/v1/messages', correlationId: 'req-1' };

  it('keeps a domain error code, status, detail and extensions', () => {
    const sut = toProblemDetails(new DomainError('send_denied', 'The window closed.', { closedAt: 'x' }), context);
    expect(sut).toEqual({
      type: 'https://parley.dev/problems/send-denied',
      title: 'Sending is not allowed',
      status: 422,
      detail: 'The window closed.',
      code: 'send_denied',
      instance: '/v1/messages',
      correlationId: 'req-1',
      closedAt: 'x',
    });
  });

  it('lists every validation message of the ValidationPipe', () => {
    const error = new BadRequestException({ message: ['property extra should not exist', 'text must be a string'] });
    const sut = toProblemDetails(error, context);
    expect(sut).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: expect.arrayContaining(['text must be a string']),
    });
  });

  it('maps framework exceptions by status', () => {
    expect(toProblemDetails(new NotFoundException('Cannot GET /nope'), context)).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('maps body-parser errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(toProblemDetails(tooLarge, context)).toMatchObject({ status: 413, code: 'payload_too_large' });
    const malformed = Object.assign(new Error('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    expect(toProblemDetails(malformed, context)).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('never reveals an unexpected error', () => {
    const sut = toProblemDetails(new Error('password=hunter2 leaked'), context);
    expect(sut).toMatchObject({ status: 500, code: 'internal_error', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(sut)).not.toContain('hunter2');
  });

  it('gives every code a status', () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(400);
  });
});
