import { describe, expect, it } from "vitest";
import { fromAnotherSite } from "./same-origin";

const APP = "https://mine-action.example.org";
const site = (secFetchSite: string | null, origin: string | null, host = "mine-action.example.org") => ({
  secFetchSite,
  origin,
  host,
});

describe("a request from another site", () => {
  it.each([
    ["Sec-Fetch-Site: cross-site", site("cross-site", "https://evil.example")],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", site("same-site", "https://blog.example.org")],
    ["an Origin of another host", site(null, "https://evil.example")],
    ["an opaque Origin (a sandboxed frame, a data: page)", site(null, "null")],
    ["an Origin that is not a URL", site(null, "evil")],
  ])("is recognised by %s", (_label, s) => expect(fromAnotherSite(s, APP)).toBe(true));

  it.each([
    ["Sec-Fetch-Site: same-origin", site("same-origin", "https://mine-action.example.org")],
    ["Sec-Fetch-Site: none (typed by the user)", site("none", null)],
    ["an Origin of the host the request was sent to", site(null, "http://localhost:3000", "localhost:3000")],
    ["the app's public origin, behind a proxy that rewrote Host", site(null, APP, "127.0.0.1:3000")],
    ["no browser headers at all (a script)", site(null, null)],
  ])("is not mistaken for %s", (_label, s) => expect(fromAnotherSite(s, APP)).toBe(false));
});
