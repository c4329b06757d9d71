// The message namespaces client components use. Only these are sent to the
// browser with every page; the rest stay on the server. A test reads the
// client components and fails when one uses a namespace missing here.
export const CLIENT_NAMESPACES = [
  "account",
  "accreditations",
  "apiTokens",
  "areaChanges",
  "attachments",
  "casualtyAge",
  "casualtyOutcome",
  "casualtySex",
  "casualtyStatus",
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
  "quality",
  "registerImport",
  "registerMap",
  "reportForm",
  "review",
  "signIn",
  "taskForm",
  "users",
  "victimAssistance",
  "victimService",
] as const;

export function clientMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]])) as Partial<M>;
}
