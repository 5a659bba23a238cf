import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SignedRequestDto } from './dto/signed-request.dto';
import { MetaCallbackService } from './meta-callback.service';
import { RequestTrace } from './gateway-record';
import { Trace } from './request-context.decorators';
import { callbackResponse } from './webhook-responses';

/** Meta's deauthorize and data-deletion callbacks: `signed_request` in a form post. */
@ApiExcludeController()
@Controller('webhooks/meta')
export class MetaCallbacksController {
  constructor(private readonly callbacks: MetaCallbackService) {}

  @Post('deauthorize')
  @HttpCode(200)
  async deauthorize(@Body() form: SignedRequestDto, @Trace() trace: RequestTrace): Promise<object> {
    return callbackResponse(await this.callbacks.receive('deauthorize', form.signed_request, trace));
  }

  @Post('data-deletion')
  @HttpCode(200)
  async dataDeletion(@Body() form: SignedRequestDto, @Trace() trace: RequestTrace): Promise<object> {
    return callbackResponse(await this.callbacks.receive('data_deletion', form.signed_request, trace));
  }
}
