import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../errors.ts';

/**
 * Where Saldo may send webhooks. A seller types the URL, and Saldo's worker then makes the request
 * from inside the operator's network, so an address that reaches that network (loopback, private,
 * link-local — the cloud metadata service at 169.254.169.254 —, carrier-grade NAT, multicast,
 * reserved) is refused: when the endpoint is saved, and again before every delivery, on the addresses
 * the name resolves to then (a name may be re-pointed after it was saved). The request then goes to the
 * address that was checked, never to a second look-up.
 *
 * `allowLoopback` is for a Saldo that itself runs on this machine (its public address is localhost or
 * 127.0.0.1: development, tests): then http://localhost and http://127.0.0.1 receivers are accepted.
 * Otherwise only https.
 */
export interface WebhookUrlPolicy {
  allowLoopback: boolean;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** An IPv4 address carried inside an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d NAT64). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = lower.match(/^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1];
  const hex = lower.match(/^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!hex) return undefined;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export type AddressVerdict = 'public' | 'loopback' | 'internal';

/** Whether an IP address is on the public internet, this machine, or some other internal network. */
export function classifyAddress(address: string): AddressVerdict {
  const family = isIP(address);
  if (family === 0) return 'internal';
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return classifyAddress(v4);
    if (loopback.check(address, 'ipv6')) return 'loopback';
    return blocked.check(address, 'ipv6') ? 'internal' : 'public';
  }
  if (loopback.check(address, 'ipv4')) return 'loopback';
  return blocked.check(address, 'ipv4') ? 'internal' : 'public';
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a URL is refused, for the person who typed it (a field error) and the delivery log. */
export type UrlRefusal = 'invalid' | 'scheme' | 'credentials' | 'internal_address' | 'unresolvable';

export class WebhookAddressRefused extends Error {
  constructor(readonly reason: UrlRefusal) {
    super(`webhook address refused: ${reason}`);
    this.name = 'WebhookAddressRefused';
  }
}

/** The URL's own rules (scheme, no user:password@, an IP literal's range); no look-up. */
export function checkUrlShape(raw: string, policy: WebhookUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressRefused('invalid');
  }
  if (url.username || url.password) throw new WebhookAddressRefused('credentials');
  const local = LOCAL_NAMES.has(url.hostname.toLowerCase());
  if (url.protocol === 'http:') {
    if (!(policy.allowLoopback && local)) throw new WebhookAddressRefused('scheme');
  } else if (url.protocol !== 'https:') throw new WebhookAddressRefused('scheme');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const verdict = classifyAddress(host);
    if (verdict === 'internal' || (verdict === 'loopback' && !policy.allowLoopback))
      throw new WebhookAddressRefused('internal_address');
  } else if (local && !policy.allowLoopback) throw new WebhookAddressRefused('internal_address');
  return url;
}

/** Resolves a host name to every address it has (the port for tests to replace). */
export type HostLookup = (hostname: string) => Promise<{ address: string; family: number }[]>;
export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The address to connect to for a URL, checked now: every address the name resolves to must be public
 * (or loopback when allowed), so a name with one public and one internal address is refused too.
 */
export async function resolveDeliveryAddress(
  url: URL,
  policy: WebhookUrlPolicy,
  lookup: HostLookup = systemLookup,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host);
    } catch {
      throw new WebhookAddressRefused('unresolvable');
    }
  }
  if (addresses.length === 0) throw new WebhookAddressRefused('unresolvable');
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (verdict === 'internal' || (verdict === 'loopback' && !policy.allowLoopback))
      throw new WebhookAddressRefused('internal_address');
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** Checks a URL a person typed: its shape, then what it resolves to today (a field error on `url`). */
export async function assertWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
  lookup: HostLookup = systemLookup,
): Promise<string> {
  try {
    const url = checkUrlShape(raw, policy);
    await resolveDeliveryAddress(url, policy, lookup);
    return url.toString();
  } catch (err) {
    if (err instanceof WebhookAddressRefused)
      throw new AppError('webhook_url_refused', { host: hostOf(raw) }, [
        { field: 'url', code: `webhook_${err.reason}` },
      ]);
    throw err;
  }
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return raw.slice(0, 100);
  }
}

/** True when Saldo's own public address is on this machine: loopback receivers are then allowed. */
export function isLoopbackPublicUrl(publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  try {
    return LOCAL_NAMES.has(new URL(publicUrl).hostname.toLowerCase());
  } catch {
    return false;
  }
}
