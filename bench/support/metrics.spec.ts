import { histogramMeanMs } from './metrics';

const METRICS = [
  '# HELP http_request_duration_seconds Duration of HTTP requests',
  'http_request_duration_seconds_bucket{le="0.1",method="POST",route="/v1/messages",status="202"} 3',
  'http_request_duration_seconds_sum{method="POST",route="/v1/messages",status="202"} 0.6',
  'http_request_duration_seconds_count{method="POST",route="/v1/messages",status="202"} 3',
  'http_request_duration_seconds_sum{method="POST",route="/v1/messages",status="422"} 0.1',
  'http_request_duration_seconds_count{method="POST",route="/v1/messages",status="422"} 1',
  'http_request_duration_seconds_sum{method="GET",route="/v1/messages",status="200"} 9',
  'http_request_duration_seconds_count{method="GET",route="/v1/messages",status="200"} 1',
].join('\n');

describe('histogramMeanMs', () => {
  it('averages the series carrying every label, in milliseconds', () => {
    expect(histogramMeanMs(METRICS, 'http_request_duration_seconds', { method: 'POST', status: '202' })).toBeCloseTo(
      200,
    );
  });

  it('sums several matching series before dividing', () => {
    expect(histogramMeanMs(METRICS, 'http_request_duration_seconds', { method: 'POST' })).toBeCloseTo(175);
  });

  it('is NaN when nothing matches', () => {
    expect(histogramMeanMs(METRICS, 'http_request_duration_seconds', { route: '/v1/other' })).toBeNaN();
  });

  it('averages only what was observed since an earlier reading', () => {
    const earlier = [
      'http_request_duration_seconds_sum{method="POST",route="/v1/messages",status="202"} 0.1',
      'http_request_duration_seconds_count{method="POST",route="/v1/messages",status="202"} 2',
    ].join('\n');
    expect(histogramMeanMs(METRICS, 'http_request_duration_seconds', { status: '202' }, earlier)).toBeCloseTo(500);
  });
});
