import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

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
