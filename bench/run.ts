import { runGatewayBench } from './gateway/main';
import { runKafkaBench } from './kafka/main';
import { runOutboundBench } from './outbound/main';

/** `npm run bench [-- <name>…]`: each benchmark prints its figures and ratios measured in the same run. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  kafka: () => runKafkaBench(),
  gateway: () => runGatewayBench(),
  outbound: () => runOutboundBench(),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`,
    );
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
    process.stdout.write(`\n== ${name} ==\n`);
    await BENCHMARKS[name]();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
