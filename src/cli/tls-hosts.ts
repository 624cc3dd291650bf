import { isIPv4, isIPv6 } from 'node:net';

/** An office address the server certificate names: an IP address (IP SAN) or a host name (DNS SAN). */
export type TlsHost = { kind: 'ip'; value: string } | { kind: 'dns'; value: string };

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Reads one --host value; undefined when it is neither an IP address nor a host name. */
export function parseTlsHost(text: string): TlsHost | undefined {
  const trimmed = text.trim();
  if (isIPv4(trimmed) || isIPv6(trimmed)) return { kind: 'ip', value: trimmed };
  const name = trimmed.toLowerCase().replace(/\.$/, '');
  return DNS_NAME.test(name) ? { kind: 'dns', value: name } : undefined;
}
