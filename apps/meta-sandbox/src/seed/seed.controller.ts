import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SeedDto } from './dto/seed.dto';
import { SeedResult, SeedService } from './seed.service';

@ApiTags('sandbox: seeding')
@Controller('_sandbox')
export class SeedController {
  constructor(private readonly seeds: SeedService) {}

  @Post('seed')
  @ApiOperation({
    operationId: 'seedWorld',
    summary: 'Create apps, Pages, Instagram accounts, people and admins with tokens in one call',
  })
  seed(@Body() dto: SeedDto): Promise<SeedResult> {
    return this.seeds.seed(dto);
  }
}
