import { describe, expect, it } from "vitest";
import { certificatePublicKey, derToRawEcdsa, pemToDer } from "./der";
import { SNS_TEST_CERTIFICATE } from "./test-data";

describe("DER readers", () => {
  it("left-pads a short r and strips the sign byte of a high s in an ECDSA signature", () => {
    // SEQUENCE { INTEGER 0x01, INTEGER 0x00 0xff…(32 bytes) }
    const s = new Uint8Array(32).fill(0xff);
    const der = new Uint8Array([0x30, 3 + 2 + 33, 0x02, 1, 0x01, 0x02, 33, 0x00, ...s]);
    const raw = derToRawEcdsa(der, 32);
    expect(raw?.length).toBe(64);
    expect(raw?.[31]).toBe(0x01);
    expect(raw?.slice(0, 31).every((b) => b === 0)).toBe(true);
    expect(raw?.slice(32).every((b) => b === 0xff)).toBe(true);
  });

  it("returns null for truncated or trailing bytes", () => {
    expect(derToRawEcdsa(new Uint8Array([0x30, 10, 0x02, 1]), 32)).toBeNull();
    expect(derToRawEcdsa(new Uint8Array([0x30, 6, 0x02, 1, 1, 0x02, 1, 1, 0]), 32)).toBeNull();
  });

  it("finds a certificate's public key, which WebCrypto then imports", async () => {
    const spki = certificatePublicKey(pemToDer(SNS_TEST_CERTIFICATE)!);
    expect(spki).not.toBeNull();
    const key = await crypto.subtle.importKey("spki", spki!, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, [
      "verify",
    ]);
    expect((key.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
  });

  it("returns null for a PEM without a certificate", () => {
    expect(pemToDer("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).toBeNull();
  });
});
