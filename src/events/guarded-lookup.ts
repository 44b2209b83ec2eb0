// The DNS lookup a webhook delivery connects with when internal targets are refused (production):
// every address the name resolves to must be public, and the socket connects to exactly the
// addresses checked here — so a record that points inside, now or after registration (DNS
// rebinding), never receives a request.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isInternalAddress } from './webhook-url';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export class InternalTargetError extends Error {
  readonly code = 'EINTERNALTARGET';
  constructor(host: string) {
    super(`${host} resolves to a loopback, private or link-local address`);
    this.name = 'InternalTargetError';
  }
}

export function guardedLookup(host: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(host, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || addresses.some((a) => isInternalAddress(a.address))) return callback(new InternalTargetError(host), []);
    if (options.all === true) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
}
