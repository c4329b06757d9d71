import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// Each hash is memory-hard on purpose (128 MB, about half a second alone); beside the other test files on a
// loaded machine, three of them take longer than Vitest's 5 s default.
describe("password hashing", { timeout: 30_000 }, () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("salts every hash and never stores the password", async () => {
    const [a, b] = await Promise.all([hashPassword("demo-password"), hashPassword("demo-password")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("demo-password");
    expect(a.startsWith("scrypt$131072$8$1$")).toBe(true);
  });

  it("rejects a malformed or tampered hash instead of throwing", async () => {
    const hash = await hashPassword("x");
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", `${hash.slice(0, -4)}AAAA`)).toBe(false);
  });
});
