import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TokensConfig } from '../config/tokens.config';
import { renderOnboardingPage } from './onboarding-page';
import { CallbackQuery, OnboardingService } from './onboarding.service';

/** The browser side of onboarding: a start URL per tenant and Meta's redirect back. */
@ApiExcludeController()
@Controller('onboarding')
export class OnboardingController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly config: TokensConfig,
  ) {}

  @Get(':tenantId/start')
  start(@Param('tenantId') tenantId: string, @Req() req: Request, @Res() res: Response): void {
    const location = this.onboarding.start(tenantId, this.baseUrl(req));
    if (location) res.redirect(302, location);
    else
      res
        .status(404)
        .type('html')
        .send(renderOnboardingPage({ title: 'Onboarding failed', problem: 'Unknown tenant.', pages: [] }));
  }

  @Get('callback')
  async callback(@Query() query: CallbackQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const outcome = await this.onboarding.callback(query, this.baseUrl(req));
    res.status(outcome.status).type('html').send(renderOnboardingPage(outcome.view));
  }

  private baseUrl(req: Request): string {
    return this.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  }
}
