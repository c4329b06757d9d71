// The message namespaces client components use. Only these are sent to the
// browser with every page; the rest stay on the server. A test reads the
// client components and fails when one uses a namespace missing here.
export const CLIENT_NAMESPACES = [
  "account",
  "accreditations",
  "apiTokens",
  "areaChanges",
  "attachments",
  "completion",
  "contamination",
  "dashboard",
  "device",
  "errors",
  "exports",
  "filePicker",
  "funding",
  "fundingImport",
  "geometryInput",
  "hazardForm",
  "humanImpact",
  "landUse",
  "map",
  "method",
  "notices",
  "offline",
  "public",
  "registerImport",
  "registerMap",
  "reportForm",
  "review",
  "signIn",
  "taskForm",
  "users",
] as const;

export function clientMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]])) as Partial<M>;
}
