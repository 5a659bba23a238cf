import { firstMavenError, pinnedKafkaVersion } from './kafka-distribution';

describe('pinnedKafkaVersion', () => {
  it('reads the version property of the descriptor', () => {
    expect(pinnedKafkaVersion('<properties><kafka.version> 4.4.0 </kafka.version></properties>')).toBe('4.4.0');
  });

  it('fails on a descriptor without it', () => {
    expect(() => pinnedKafkaVersion('<project/>')).toThrow('<kafka.version>');
  });
});

describe('firstMavenError', () => {
  it('returns the first error line without colour codes', () => {
    const output = '[INFO] x\n\u001b[1;31m[ERROR]\u001b[m Failed to execute goal: no network\n[ERROR] second\n';
    expect(firstMavenError(output)).toBe('Failed to execute goal: no network');
  });

  it('returns nothing when Maven printed no error', () => {
    expect(firstMavenError('[INFO] fine\n')).toBeUndefined();
  });
});
