/**
 * Test-only keys. The SNS signing pair is a self-signed RSA 2048 certificate made for these tests
 * (`openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=sns.us-east-1.amazonaws.com test fixture"`);
 * it is not Amazon's and signs nothing outside this folder's tests.
 */

export const SNS_TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIDRzCCAi+gAwIBAgIUTOEC9s9/BmTiYbZbFrwpuKazk+IwDQYJKoZIhvcNAQEL
BQAwMzExMC8GA1UEAwwoc25zLnVzLWVhc3QtMS5hbWF6b25hd3MuY29tIHRlc3Qg
Zml4dHVyZTAeFw0yNjEyMDYxNTUzMDRaFw0zNjEyMDMxNTUzMDRaMDMxMTAvBgNV
BAMMKHNucy51cy1lYXN0LTEuYW1hem9uYXdzLmNvbSB0ZXN0IGZpeHR1cmUwggEi
MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCZseAMOY27og1YFBr+qIiVLErT
egnOmU9mSdoWPrQx+8y1tXc82gJzJYTYslk8nv/9eY8yeySWbIzdPFggpsELXYjB
I6qEAp+cSxk9Umo+PiTNTVKJ6eGbl06OuHQoa3A5Nv669B7o9cWQqQe52Iiq+rAm
1oHRxfsTM4lhB89etcaeZSeQ9eR29Ol5o8RWnaeF29ZOSplPhfXzctn61/L5I5xa
mFG84p/axh5dXdfcqkW6Pk1iufaT8APieOsQbtraJbOnmzf6UZ1cex4dAck13H41
H1Iy0KYbdoy+Dk6htDIbpGcTDQLVlKaWD+II3eEMR5m0l0EgyijB0Kzb+H59AgMB
AAGjUzBRMB0GA1UdDgQWBBTwnVBSixZ6dEaxCBQlsPSR+Yy3RDAfBgNVHSMEGDAW
gBTwnVBSixZ6dEaxCBQlsPSR+Yy3RDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3
DQEBCwUAA4IBAQA9fKGDVuAugdwoO1xavhntFw5WwX3cFLcnP89HBDZI5wT+RORN
OD+8wwjV+V7xO2RQ8wMUGksWzn+kG3oPHCOr7TQqT5PiQKyR6OgpxrFwr4+89Nia
LMyKiybH3TsMqVRc7IH1y6lfVkM7RzJKLsRCnfRX9Qn96myVlRIW+R1IVkCg8Ylz
RmLrjXTSOEC9CUGkmQ6lfyRMgAlvqP46BVhOWpZA0cB644EAlVSSXVRG4B1/Yi4/
G1HFQlU1K+YKTk/kv87M7kreoL48RvShyoE2g7OUfHJ7fsnvXEU9gpfqp8vNOdOY
WBzF6HGgx6vMdR7qa3SELkQOy+pIw334JnVc
-----END CERTIFICATE-----`;

export const SNS_TEST_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQCZseAMOY27og1Y
FBr+qIiVLErTegnOmU9mSdoWPrQx+8y1tXc82gJzJYTYslk8nv/9eY8yeySWbIzd
PFggpsELXYjBI6qEAp+cSxk9Umo+PiTNTVKJ6eGbl06OuHQoa3A5Nv669B7o9cWQ
qQe52Iiq+rAm1oHRxfsTM4lhB89etcaeZSeQ9eR29Ol5o8RWnaeF29ZOSplPhfXz
ctn61/L5I5xamFG84p/axh5dXdfcqkW6Pk1iufaT8APieOsQbtraJbOnmzf6UZ1c
ex4dAck13H41H1Iy0KYbdoy+Dk6htDIbpGcTDQLVlKaWD+II3eEMR5m0l0EgyijB
0Kzb+H59AgMBAAECggEAAiDyqfV7TylIIKHfdKR8ujHLwLcUskq95nxIxXyz153I
4/SYXklLHGSQicUBAGc+KdJ7sPOZegd7dS4trrIW9v0Ijlt1Z3B3EBEBz5W37zAo
9IdiiJKqzPiUN9zTjjwpHAz1C6QJVsLeRb0mZFgP67i4i0LDhImTiyk9EpERoBp3
hTmDNmeBNCxEL5LnWiZ8ri8ASk5LynvL9xMqXD6F/G2X/0pcFXZBFAo9AoKJqHu5
dbgiJNRA+TG/QZlvRnq2CHliYYQGQZPbw5HVz59oRzJ1im0RCu+aZT7oL1oOCwYz
HQWXF/H6JqpzhjSN+aluubGRSWHom83K//FeoYfmUQKBgQDOxkpn8wwFBTNfdB72
GM9kV4M7j5b/QNpiCc4TrT8a3G5pQqy0KFP7xC7q4Ab/DihtV04zXICc6IxW55Rs
rTFQ4PoDBsVGuLqVPAmJURyEkchCMFHOYhjmKLCoYZjchKtMVFL/HMN5erEiMeyY
jfvOe2hIvcPYtVN2TNv2YtWv1QKBgQC+SK6ipb/Km8mBCqeZ2lmwrIg/OUa9ECsg
fDTwb5YgzirwytM6IUCBxELNomm5TD3kRp+0cnfndhuaNjwLHg/Yqg5Qn+6D6Xqt
Bcq8oZXutGXtpXldkjToEVD7N6R2PKqpBd8fYqbrERvQPd9EOsZv4fyRiQhDW3jW
6dagnZgQCQKBgEAUZ36rbbAomnEcdXPi4HLCRCMzLqJQIN19GGY0rHfQlE7+oLL8
RHqjo76aStDEPHcWNV/pbNoznzpXbkH3sm7UKebCNGTkXr5c6r+paWMUIrGQc+m3
sOuy9HxaMps0ajmvcEErUtDU2wwz2JS2e7DTwc+5L3Z7SzBARXKn0n05An8c/PWd
0aJmO1V3Uyg1SA5h2+blutQL+WqYiFOITXeRh9cC1+NV97rcCgojSZrRn8vN+vRZ
iRa7LEMIOzrqdqnzV/TWU4cCkY8ezMMV+Yfd1Z2xloPmvV9R+1Fa9B8Z5CQbm8lh
/qVvKiwSjVp2Cn4wjTzs7vNTT5wZIYaQ8XE5AoGBAIdyPGpnH5qbxZJRfHrxyzqG
U5pOyGd77UjO7ORhgXC8WXE1MYjHWgRbE4BQJwbQ5nBU2iIjAgg8Vvup4iac6owc
ZzdDm+wlHxkiFzwBc+dPLvyDgrNfzdhcR++nDnlC37EoAAFDyvo2SO3pcijcpUuD
ssGTiCugMGDAuKBTRwJt
-----END PRIVATE KEY-----`;

/** r‖s → SEQUENCE { INTEGER r, INTEGER s }, as SendGrid sends it. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.slice(i);
    const body = (trimmed[0] ?? 0) & 0x80 ? [0, ...trimmed] : [...trimmed];
    return [0x02, body.length, ...body];
  };
  const content = [...integer(raw.slice(0, 32)), ...integer(raw.slice(32))];
  return new Uint8Array([0x30, content.length, ...content]);
}
