// Metrics route labels: coarse and bounded, whatever the path.
import { describe, expect, it } from 'vitest';
import { routeLabel } from '../../../src/http/metrics-middleware';

describe('routeLabel', () => {
  it.each([
    ['/odata', 'odata/'],
    ['/odata/', 'odata/'],
    ['/odata/$metadata', 'odata/$metadata'],
    ['/odata/$batch', 'odata/$batch'],
    ['/odata/Customers', 'odata/Customers'],
    ["/odata/Customers('10042')", 'odata/Customers'],
    ["/odata/Customers('a/b')/Contacts", 'odata/Customers'],
    ['/odata/Products/$count', 'odata/Products'],
    ['/odata/Products?x=1', 'odata/Products'],
    ['/odata/Nope', 'odata/other'],
    ['/odata/customers', 'odata/other'],
    ['/odatax/Customers', 'other'],
    ['/health/live', 'health'],
    ['/metrics', 'metrics'],
    ['/api/erp/usage/stats', 'api/other'],
    ['/', 'other'],
    ['', 'other'],
  ])('labels %s as %s', (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});
