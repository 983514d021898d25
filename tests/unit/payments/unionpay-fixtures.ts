/**
 * Test doubles for UnionPay 全渠道 5.1.0 (signMethod 01). UnionPay's side is played with
 * certificates made here by openssl: a root and a middle CA, the signing certificate they issue
 * to "中国银联股份有限公司", and the impostors a forger could make. Messages are signed as
 * UnionPay signs them; the gateway stand-in checks our requests as UnionPay would.
 */
import { execFileSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';

export const MER_ID = '777290058110048';
export const CERT_ID = '69042905377';

export interface Issued {
  cert: string;
  key: crypto.KeyObject;
}

export interface UnionPayCerts {
  dir: string;
  root: Issued;
  middle: Issued;
  /** UnionPay's genuine signing certificate, issued by middle. */
  signing: Issued;
  /** Issued by middle to someone else. */
  wrongName: Issued;
  /** Issued by middle with the test environment's identity. */
  testEnv: Issued;
  /** UnionPay's name, but issued by the forger's own root. */
  rogue: Issued;
  /** A signing certificate handed to us directly. */
  selfSigned: Issued;
  /** root + middle, as UNIONPAY_VERIFY_CERT bundles them. */
  bundle: string;
  cleanup(): void;
}

const CFCA = '/C=CN/O=China Financial Certification Authority/OU=Enterprises';

/** Node cannot issue X.509 certificates, openssl can. Valid from the moment they are made. */
export function makeUnionPayCerts(): UnionPayCerts {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unionpay-certs-'));
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string): Issued => ({
    cert: fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8'),
    key: crypto.createPrivateKey(fs.readFileSync(path.join(dir, `${name}.key`))),
  });
  const selfSignedCa = (name: string, subject: string): Issued => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-subj', subject]);
    return read(name);
  };
  let serial = 100;
  const issue = (name: string, subject: string, issuer: string, ca: boolean): Issued => {
    fs.writeFileSync(
      path.join(dir, `${name}.cnf`),
      ca
        ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n'
        : 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
    );
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-set_serial', String((serial += 1)), '-days', ca ? '3650' : '365', '-out', `${name}.pem`, '-extfile', `${name}.cnf`]);
    return read(name);
  };

  const root = selfSignedCa('root', '/CN=Test CFCA Root');
  const middle = issue('middle', '/CN=Test CFCA Middle', 'root', true);
  const signing = issue('signing', `${CFCA}/CN=041@Z12@中国银联股份有限公司@00000062`, 'middle', false);
  const wrongName = issue('wrongname', `${CFCA}/CN=041@Z12@某某科技有限公司@00000063`, 'middle', false);
  const testEnv = issue('testenv', `${CFCA}/CN=041@Z12@00040000:SIGN@00000064`, 'middle', false);
  selfSignedCa('rogueroot', '/CN=Test CFCA Root');
  const rogue = issue('rogue', `${CFCA}/CN=041@Z12@中国银联股份有限公司@00000062`, 'rogueroot', false);
  const selfSigned = selfSignedCa('selfsigned', `${CFCA}/CN=041@Z12@中国银联股份有限公司@00000070`);
  return {
    dir,
    root,
    middle,
    signing,
    wrongName,
    testEnv,
    rogue,
    selfSigned,
    bundle: `${root.cert}\n${middle.cert}`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const HOUR = 3600_000;

/** yyyyMMddHHmmss in Beijing (UTC+8, no daylight saving), computed independently of the code under test. */
export const beijing = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().replace(/\D/g, '').slice(0, 14);

/** The sorted `k=v&…` over every field but signature. */
const content = (fields: Record<string, string>) =>
  Object.keys(fields)
    .filter((k) => k !== 'signature')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');

/** UnionPay 5.1.0 signMethod 01, written out from the spec: RSA-SHA256 over the hex SHA-256 of the sorted k=v string. */
export function signAsUnionPay(fields: Record<string, string>, key: crypto.KeyObject): string {
  const digest = crypto.createHash('sha256').update(content(fields), 'utf8').digest('hex');
  return crypto.sign('RSA-SHA256', Buffer.from(digest, 'utf8'), key).toString('base64');
}

/** The fields with signPubKeyCert (unless `cert` is null) and the signature added. */
export const signedBy = (fields: Record<string, string>, key: crypto.KeyObject, cert: string | null) => {
  const withCert = cert === null ? { ...fields } : { ...fields, signPubKeyCert: cert };
  return { ...withCert, signature: signAsUnionPay(withCert, key) };
};

/** True when `publicKey`'s owner signed these fields as signMethod 01 does. */
export const verifiesWith = (fields: Record<string, string>, publicKey: crypto.KeyObject) => {
  const digest = crypto.createHash('sha256').update(content(fields), 'utf8').digest('hex');
  return crypto.verify('RSA-SHA256', Buffer.from(digest, 'utf8'), publicKey, Buffer.from(fields.signature ?? '', 'base64'));
};

/** A successful consume (payment) back notification's fields, 12345 fen. */
export const consumeFields = (extra: Record<string, string> = {}): Record<string, string> => ({
  accessType: '0',
  bizType: '000201',
  currencyCode: '156',
  encoding: 'UTF-8',
  merId: MER_ID,
  orderId: 'PY2026030110000012345678',
  queryId: '782603011000301234567',
  respCode: '00',
  respMsg: '成功[0000000]',
  settleAmt: '12345',
  settleCurrencyCode: '156',
  settleDate: '0301',
  signMethod: '01',
  traceNo: '301234',
  traceTime: '0301100030',
  txnAmt: '12345',
  txnSubType: '01',
  txnTime: '20260301100000',
  txnType: '01',
  version: '5.1.0',
  accNo: '6216***********0018',
  payCardType: '01',
  ...extra,
});

/** A back notification body as UnionPay posts it (form-encoded), signed with `key` and carrying `cert`. */
export const unionpayNotification = (fields: Record<string, string>, key: crypto.KeyObject, cert: string | null) =>
  new URLSearchParams(signedBy(fields, key, cert)).toString();

/** The hidden inputs of the auto-submitting form, decoded back from HTML. */
export const formInputs = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map(([, name, value]) => [
      name,
      value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    ]),
  );

export interface GatewayAnswer {
  fields: Record<string, string>;
  signer?: 'unionpay' | 'stranger' | 'none';
  status?: number;
}

export interface GatewayRequest {
  path: string;
  fields: Record<string, string>;
  signedByMerchant: boolean;
}

/** Stands in for gateway.95516.com: checks our signature, answers as UnionPay does (raw k=v&…, signed). */
export async function startUnionPayGateway(parties: { merchantPublicKey: crypto.KeyObject; signing: Issued; stranger: crypto.KeyObject }) {
  const requests: GatewayRequest[] = [];
  // An answer may wait: UnionPay's back notification can reach us before its synchronous answer does.
  let answer: (path: string, request: Record<string, string>) => GatewayAnswer | Promise<GatewayAnswer> = () => ({ fields: { respCode: '00' } });
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const fields = Object.fromEntries(new URLSearchParams(body));
      const pathName = new URL(req.url ?? '/', 'http://local').pathname;
      requests.push({ path: pathName, fields, signedByMerchant: verifiesWith(fields, parties.merchantPublicKey) });
      const reply = await answer(pathName, fields);
      const base = { version: '5.1.0', encoding: 'UTF-8', signMethod: '01', merId: MER_ID, accessType: '0', ...reply.fields };
      const signed =
        reply.signer === 'none'
          ? base
          : signedBy(base, reply.signer === 'stranger' ? parties.stranger : parties.signing.key, parties.signing.cert.replace(/\n/g, '\r\n'));
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/plain;charset=UTF-8' });
      res.end(Object.entries(signed).map(([k, v]) => `${k}=${v}`).join('&'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    requests,
    answer(next: (path: string, request: Record<string, string>) => GatewayAnswer | Promise<GatewayAnswer>) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
