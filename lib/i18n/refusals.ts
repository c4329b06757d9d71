// The catalogue of refusals: what the server (and the browser's own checks)
// say when they will not do something, in every language at once.
import { type LocalisedText, localised, type MessageValues } from "./localised";
import ar from "./server-messages/ar.json";
import ckb from "./server-messages/ckb.json";
import en from "./server-messages/en.json";

export type RefusalKey = keyof typeof en;

export const englishRefusals: Readonly<Record<RefusalKey, string>> = en;

const CATALOGUES = { en, ar, ckb } as const;

/** A catalogued refusal in every language. */
export function refusal(key: RefusalKey, values?: MessageValues): LocalisedText {
  return localised(CATALOGUES, key, values);
}
