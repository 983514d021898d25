import { allowedKinds, checkKind, isPrivatePurpose, PRIVATE_NAME, signName, sniff, verifySignedName } from '../../../src/api/media/domain/file-kind';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new Uint8Array(Buffer.from(s));

describe('sniff', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['webp', text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'image/webp'],
    ['pdf', text('%PDF-1.7\n'), 'application/pdf'],
  ])('should recognise %s from its first bytes', (_label, head, kind) => {
    expect(sniff(head)).toBe(kind);
  });

  it.each([
    ['HTML', text('<html><script>alert(1)</script>')],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['HTML with a BOM', text('\ufeff<!doctype html>')],
    ['RIFF that is not WEBP (wav)', text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e)],
    ['nothing', bytes()],
  ])('should refuse %s', (_label, head) => {
    expect(sniff(head)).toBeNull();
  });
});

describe('checkKind', () => {
  it('should allow PDF only for private purposes', () => {
    const pdf = text('%PDF-1.4');
    expect(checkKind('certificate', pdf)).toBeNull();
    expect(checkKind('application', pdf)).toBeNull();
    for (const purpose of ['avatar', 'review', 'ticket', 'chat'] as const) {
      expect(checkKind(purpose, pdf)).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', detected: 'application/pdf' });
      expect(isPrivatePurpose(purpose)).toBe(false);
      expect(allowedKinds(purpose)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    }
  });

  it('should keep service evidence private but take photos only', () => {
    expect(isPrivatePurpose('evidence')).toBe(true);
    expect(checkKind('evidence', text('%PDF-1.4'))).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', detected: 'application/pdf' });
    expect(allowedKinds('evidence')).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });
});

describe('signed names', () => {
  const secret = 'k';
  const now = Date.UTC(2026, 0, 1);

  it('should verify its own signature until it expires', () => {
    const { expires, sig } = signName(secret, 'a.pdf', now, 60);
    expect(verifySignedName(secret, 'a.pdf', String(expires), sig, now)).toBe(true);
    expect(verifySignedName(secret, 'a.pdf', String(expires), sig, now + 59_000)).toBe(true);
    expect(verifySignedName(secret, 'a.pdf', String(expires), sig, now + 60_000)).toBe(false);
  });

  it('should refuse another name, a moved expiry, another secret or junk', () => {
    const { expires, sig } = signName(secret, 'a.pdf', now, 60);
    expect(verifySignedName(secret, 'b.pdf', String(expires), sig, now)).toBe(false);
    expect(verifySignedName(secret, 'a.pdf', String(expires + 1000), sig, now)).toBe(false);
    expect(verifySignedName('other', 'a.pdf', String(expires), sig, now)).toBe(false);
    expect(verifySignedName(secret, 'a.pdf', undefined, sig, now)).toBe(false);
    expect(verifySignedName(secret, 'a.pdf', ['1', '2'], sig, now)).toBe(false);
    expect(verifySignedName(secret, 'a.pdf', String(expires), `${sig}x`, now)).toBe(false);
  });

  it('should accept only plain stored names', () => {
    expect(PRIVATE_NAME.test('certificate_a1b2c3.pdf')).toBe(true);
    for (const bad of ['../x.pdf', 'a/b.pdf', 'x.html', 'x.pdf.html', '.pdf', 'x.PDF\u0000']) expect(PRIVATE_NAME.test(bad)).toBe(false);
  });
});
