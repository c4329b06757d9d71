// A record's attachments as one zip, each file under the name it was attached with.
import JSZip from "jszip";

export type ArchiveFile = { fileName: string; bytes: Uint8Array; attachedAt: Date };

/** Names made unique in order: a second "IMG_0001.jpg" becomes "IMG_0001 (2).jpg", so no file hides another. */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The zip: stored, not deflated (photos and PDFs are compressed already; deflating them costs time for nothing). */
export async function attachmentsZip(files: readonly ArchiveFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const names = uniqueNames(files.map((f) => f.fileName));
  files.forEach((f, i) => {
    zip.file(names[i]!, f.bytes, { date: f.attachedAt, binary: true });
  });
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
