import { Controller, Get, HttpCode, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

export type ReadinessProbe = () => Promise<boolean>;

/** What this instance depends on to serve (its database, Kafka, …); each dependency registers a probe. */
@Injectable()
export class ReadinessChecks {
  private readonly probes = new Map<string, ReadinessProbe>();
  private draining = false;

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  /** After SIGTERM the instance reports not ready, so load balancers stop sending it new work. */
  markDraining(): void {
    this.draining = true;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, 'up' | 'down'> }> {
    const entries = await Promise.all(
      [...this.probes].map(async ([name, probe]) => [name, await probe().catch(() => false)] as const),
    );
    const checks = Object.fromEntries(entries.map(([name, up]) => [name, up ? 'up' : 'down'] as const));
    if (this.draining) checks.shutdown = 'down';
    return { ready: !this.draining && entries.every(([, up]) => up), checks };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessChecks) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'The instance and its dependencies can serve' })
  async ready(): Promise<{ status: 'ok'; checks: Record<string, 'up' | 'down'> }> {
    const { ready, checks } = await this.readiness.evaluate();
    if (!ready) throw new ServiceUnavailableException(`Not ready: ${JSON.stringify(checks)}`);
    return { status: 'ok', checks };
  }
}
