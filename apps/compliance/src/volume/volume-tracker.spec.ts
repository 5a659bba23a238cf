import { InMemoryVolumeTracker } from './volume-tracker';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);

describe(InMemoryVolumeTracker.name, () => {
  describe('reading', () => {
    it('counts sends of the last second only, per account', () => {
      const sut = new InMemoryVolumeTracker(DAY);
      for (let i = 0; i < 5; i++) sut.recordSend('messenger', '1', at(i * 100));
      sut.recordSend('messenger', '2', at(0));
      expect(sut.reading('messenger', '1', at(450)).sentLastSecond).toBe(5);
      expect(sut.reading('messenger', '1', at(1250)).sentLastSecond).toBe(2);
      expect(sut.reading('messenger', '1', at(5000)).sentLastSecond).toBe(0);
      expect(sut.reading('messenger', '2', at(450)).sentLastSecond).toBe(1);
    });

    it('counts Instagram traffic over the volume window and drops what left it', () => {
      const sut = new InMemoryVolumeTracker(DAY);
      sut.recordTraffic('instagram', '9', at(0));
      sut.recordTraffic('instagram', '9', at(60_000));
      sut.recordSend('instagram', '9', at(120_000));
      sut.recordTraffic('messenger', '9', at(0));
      expect(sut.reading('instagram', '9', at(180_000)).windowVolume).toBe(3);
      expect(sut.reading('instagram', '9', at(DAY + 90_000)).windowVolume).toBe(1);
      expect(sut.reading('messenger', '9', at(180_000)).windowVolume).toBe(0);
    });
  });
});
