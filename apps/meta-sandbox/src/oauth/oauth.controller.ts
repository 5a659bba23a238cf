import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphExceptionFilter } from '../graph/graph-exception.filter';
import { GRAPH_VERSIONS } from '../graph/graph-versions';
import { OAuthService } from './oauth.service';

@GraphController()
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  @Get('oauth/access_token')
  accessToken(@Graph() call: GraphCall) {
    return this.oauth.accessToken(call);
  }

  @Get('debug_token')
  debugToken(@Graph() call: GraphCall) {
    return this.oauth.debugToken(call);
  }
}

const list = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The login dialog (www.facebook.com/…/dialog/oauth): consents at once and redirects with a code. */
@Controller()
@UseFilters(GraphExceptionFilter)
@ApiExcludeController()
export class OAuthDialogController {
  constructor(private readonly oauth: OAuthService) {}

  @Get(['dialog/oauth', ...GRAPH_VERSIONS.map((v) => `${v}/dialog/oauth`)])
  async dialog(@Query() q: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const location = await this.oauth.dialog({
      clientId: str(q.client_id) ?? '',
      redirectUri: str(q.redirect_uri) ?? '',
      state: str(q.state),
      scope: str(q.scope),
      userId: str(q.sandbox_user),
      pageIds: list(q.sandbox_pages),
      declined: list(q.sandbox_declined),
    });
    res.redirect(302, location);
  }
}
