import { describe, expect, it } from "vitest";
import { safeReturnPath, sameSiteRedirect } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/years/2023", "/years/2023"],
    ["/compare?from=2022&to=2023", "/compare?from=2022&to=2023"],
    ["/years/2023#quotes", "/years/2023#quotes"],
    ["/", "/"],
  ])("keeps the same-origin path %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ["a tab after the slash", "/\t/evil.example/pwned"],
    ["a newline after the slash", "/\n/evil.example/pwned"],
    ["a carriage return", "/\r\n/evil.example"],
    ["a NUL byte", "/years\u0000/2023"],
    ["DEL", "/years\u007f"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later on", "/years\\..\\evil"],
    ["a protocol-relative URL", "//evil.example/pwned"],
    ["an absolute URL", "https://evil.example/pwned"],
    ["an absolute URL of our own origin", "http://desk.invalid/years"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "years/2023"],
    ["empty", ""],
    ["missing", undefined],
    ["an encoded tab left encoded", "/%09/evil.example"],
    ["an encoded slash pair", "/%2F%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
  ])("refuses %s", (_name, input) => {
    expect(safeReturnPath(input)).toBe("/");
  });
});

describe("sameSiteRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "http://127.0.0.1:3000";
  it.each([
    ["/years/2023", `${baseUrl}/years/2023`],
    [`${baseUrl}/compare?from=2022&to=2023`, `${baseUrl}/compare?from=2022&to=2023`],
    ["https://evil.example/pwned", `${baseUrl}/`],
    ["/\t/evil.example", `${baseUrl}/`],
    ["/\r\nSet-Cookie: x=1", `${baseUrl}/`],
    [`${baseUrl}.evil.example/`, `${baseUrl}/`],
  ])("%j → %j", (url, expected) => {
    expect(sameSiteRedirect({ url, baseUrl })).toBe(expected);
  });
});
