import net from 'net';

/**
 * The key rate limits count a client under. IPv4 as is; IPv6 by its /64 network, since one
 * subscriber gets a whole /64 and can walk its addresses freely. IPv4-mapped IPv6 (`::ffff:1.2.3.4`)
 * counts as the IPv4 address.
 */
export function clientKey(ip: string | undefined): string {
  const raw = (ip ?? '').trim().replace(/^\[|\]$/g, '').split('%')[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1];
  if (net.isIPv4(raw)) return raw;
  if (!net.isIPv6(raw)) return raw || 'unknown';
  return `${expandIPv6(raw).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  // A trailing dotted IPv4 part stands for the last two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => (parseInt(g, 16) || 0).toString(16));
}
