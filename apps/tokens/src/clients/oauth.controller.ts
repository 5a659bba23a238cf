import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenRequestDto, TokenResponseDto } from './dto/token-request.dto';
import { OAuthService, TokenAnswer } from './oauth.service';
import { SigningKeysService } from './signing-keys.service';

/** `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1). */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match) return null;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const sep = text.indexOf(':');
  if (sep <= 0) return null;
  return { id: decodeURIComponent(text.slice(0, sep)), secret: decodeURIComponent(text.slice(sep + 1)) };
}

@ApiTags('oauth')
@Controller()
export class OAuthController {
  constructor(
    private readonly oauth: OAuthService,
    private readonly keys: SigningKeysService,
  ) {}

  @Post('oauth/token')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'issueAccessToken',
    summary: 'OAuth2 client credentials: a short-lived JWT for a CRM client',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  token(@Body() body: TokenRequestDto, @Headers('authorization') authorization?: string): Promise<TokenAnswer> {
    const basic = basicCredentials(authorization);
    return this.oauth.issue({
      grantType: body.grant_type,
      clientId: basic?.id ?? body.client_id,
      clientSecret: basic?.secret ?? body.client_secret,
      scope: body.scope,
    });
  }

  @Get('.well-known/jwks.json')
  @ApiOperation({ operationId: 'getJwks', summary: 'The public keys that verify CRM access tokens' })
  jwks() {
    return this.keys.jwks();
  }
}
