import { BadRequestException, NotFoundException } from '@nestjs/common';

/** Errors of the `/_sandbox` API (not Graph routes, which answer Meta's error bodies). */
export const SandboxErrors = {
  notFound: (what: string, id: string) => new NotFoundException(`${what} ${id} does not exist`),
  invalid: (message: string) => new BadRequestException(message),
};
