// The service's metrics: a fixed label set whatever is requested, and the batch histogram.
import assert from 'node:assert/strict';
import { Metrics, routeOf } from '@codetrail/collector/internal/metrics';

describe('collector metrics', () => {
  it('labels a request by one of the known routes, never by its path', () => {
    assert.equal(routeOf('/v1/logs'), '/v1/logs');
    assert.equal(routeOf('/v1/deletions/0192-ab'), '/v1/deletions/:id');
    assert.equal(routeOf('/v1/admin/exemptions/x/decision'), '/v1/admin/exemptions/:id/decision');
    assert.equal(routeOf('/admin/app.js'), '/admin');
    for (const p of ['/v1/<script>', '/v1/logs/extra', '/other', '/v1/deletions/a/b', 'other']) assert.equal(routeOf(p), 'other', p);
  });

  it('publishes the ingest latency as a cumulative histogram of every observation', async () => {
    const m = new Metrics(() => 7);
    m.ingestLatency.observeAll([0.1, 0.5, 3, 10 ** 7]);
    const text = await m.render();
    assert.match(text, /^codetrail_ingest_latency_seconds_bucket\{le="0\.5"\} 2$/m);
    assert.match(text, /^codetrail_ingest_latency_seconds_bucket\{le="5"\} 3$/m);
    assert.match(text, /^codetrail_ingest_latency_seconds_bucket\{le="\+Inf"\} 4$/m);
    assert.match(text, /^codetrail_ingest_latency_seconds_count 4$/m);
    assert.equal(await m.value('codetrail_ingest_latency_seconds'), 4);
    assert.equal(await m.value('codetrail_ingest_in_flight'), 7);
    assert.match(text, /^codetrail_events_rejected_total\{reason="paused"\} 0$/m, 'every reason from the start');
  });
});
