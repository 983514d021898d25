import { aliyunSignature, aliyunStringToSign, canonicalQuery, percentEncode } from '../../../src/runtime/sms/aliyun';
import { tc3Sign } from '../../../src/runtime/sms/tencent';

// The worked example of Aliyun's SMS "HTTP 协议及签名" page (SendSms, AccessKeySecret testSecret).
const ALIYUN_SMS_DOC_PARAMS = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

describe('aliyun RPC signature (HMAC-SHA1)', () => {
  it('should reproduce the string to sign of the SMS documentation example', () => {
    expect(aliyunStringToSign('GET', ALIYUN_SMS_DOC_PARAMS)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
        '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1' +
        '%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z' +
        '%26Version%3D2017-05-25',
    );
  });

  it('should reproduce the signature of the SMS documentation example', () => {
    expect(aliyunSignature(ALIYUN_SMS_DOC_PARAMS, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('should reproduce the signature of the RPC signing documentation example (DescribeRegions)', () => {
    const params = {
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Version: '2014-05-26',
      Timestamp: '2016-02-23T12:46:24Z',
    };
    expect(aliyunSignature(params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('should sign POST differently from GET', () => {
    expect(aliyunSignature(ALIYUN_SMS_DOC_PARAMS, 'testSecret', 'POST')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('should leave a Signature parameter out of what is signed', () => {
    expect(aliyunSignature({ ...ALIYUN_SMS_DOC_PARAMS, Signature: 'whatever' }, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('should percent-encode by RFC 3986: space %20, star %2A, tilde literal', () => {
    expect(percentEncode('a b')).toBe('a%20b');
    expect(percentEncode('*')).toBe('%2A');
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
    expect(percentEncode('-_.~')).toBe('-_.~');
    expect(percentEncode('/=&+')).toBe('%2F%3D%26%2B');
    expect(percentEncode('派')).toBe('%E6%B4%BE');
  });

  it('should sort parameters by byte order (upper case before lower case)', () => {
    expect(canonicalQuery({ b: '1', B: '2', a: '3' })).toBe('B=2&a=3&b=1');
  });
});

// The worked example of Tencent Cloud's "签名方法 v3" page (CVM DescribeInstances).
const TENCENT_DOC = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  service: 'cvm',
  timestamp: 1551113065,
  headers: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

describe('tencent TC3-HMAC-SHA256 signature', () => {
  it('should reproduce the canonical request and string to sign of the documentation example', () => {
    const signed = tc3Sign({ ...TENCENT_DOC, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
  });

  it('should reproduce the signature and Authorization header of the documentation example', () => {
    const signed = tc3Sign({ ...TENCENT_DOC, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' });
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('should reproduce the signature of the current documentation, whose key is masked', () => {
    const signed = tc3Sign({ ...TENCENT_DOC, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' });
    expect(signed.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  });

  it('should take the credential date from the UTC day of the timestamp', () => {
    // 2019-02-25T23:59:59Z and one second later fall on different days.
    expect(tc3Sign({ ...TENCENT_DOC, secretKey: 'k', timestamp: 1551139199 }).stringToSign).toContain('2019-02-25/cvm/');
    expect(tc3Sign({ ...TENCENT_DOC, secretKey: 'k', timestamp: 1551139200 }).stringToSign).toContain('2019-02-26/cvm/');
  });

  it('should sign every given header, sorted, with lower-cased values', () => {
    const signed = tc3Sign({ ...TENCENT_DOC, secretKey: 'k', headers: { ...TENCENT_DOC.headers, 'X-TC-Action': 'SendSms' } });
    expect(signed.signedHeaders).toBe('content-type;host;x-tc-action');
    expect(signed.canonicalRequest).toContain('x-tc-action:sendsms\n');
  });
});
