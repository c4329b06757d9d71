// The attachments API's limits (10 MB a file, 50 MB a record), checked in the browser before a file is kept or
// sent, so a partner hears at once, in words, rather than after a long upload on a weak connection.
import { ACCEPTED_MEDIA_TYPES, MAX_FILE_BYTES, MAX_RECORD_BYTES } from "@/lib/domain/attachment-limits";

export type FileProblem =
  | { key: "tooLarge"; values: { name: string; sizeMb: string } }
  | { key: "tooLargeTogether"; values: { sizeMb: string } };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The first limit the files break, if any. */
export function fileProblem(files: readonly { name: string; size: number }[]): FileProblem | null {
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) return { key: "tooLarge", values: { name: big.name, sizeMb: mb(big.size) } };
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  return totalBytes > MAX_RECORD_BYTES ? { key: "tooLargeTogether", values: { sizeMb: mb(totalBytes) } } : null;
}

/** What the file input accepts: the types the server accepts (it checks the content, not this). */
export const ACCEPTED_FILES = ACCEPTED_MEDIA_TYPES.join(",");
