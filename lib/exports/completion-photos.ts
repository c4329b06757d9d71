// The completion report's attachments in its PDF: the photos as their
// thumbnails (re-encoded without metadata), and every file listed by name.
import { formatDecimal } from "@/lib/i18n/format";
import { A4, COLOURS, CONTENT_WIDTH, type Doc, ensureSpace, FONT, heading, paragraph, table } from "./pdf";

export type PdfAttachment = {
  /** Which record it is attached to: the completion report or the handover. */
  of: "completion" | "handover";
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** A JPEG without metadata, for photos the server could decode. */
  thumbnail: Uint8Array | null;
};

const PHOTO = { width: 160, height: 120, gap: 10, caption: 22 };
const KIND: Record<string, string> = {
  "image/jpeg": "Photo (JPEG)",
  "image/png": "Image (PNG)",
  "image/heic": "Photo (HEIC)",
  "image/heif": "Photo (HEIF)",
  "application/pdf": "PDF",
};

/** Three photos a row under a heading, then the table of every attachment: the files themselves are in its zip. */
export function attachmentsSection(doc: Doc, files: readonly PdfAttachment[]) {
  if (!files.length) return;
  heading(doc, "Photos and signed forms", 13, PHOTO.height + PHOTO.caption);
  const photos = files.filter((f) => f.thumbnail);
  const perRow = Math.floor((CONTENT_WIDTH + PHOTO.gap) / (PHOTO.width + PHOTO.gap));
  for (let i = 0; i < photos.length; i += perRow) {
    ensureSpace(doc, PHOTO.height + PHOTO.caption);
    const top = doc.y;
    photos.slice(i, i + perRow).forEach((p, j) => {
      const x = A4.margin + j * (PHOTO.width + PHOTO.gap);
      doc.image(Buffer.from(p.thumbnail!), x, top, { fit: [PHOTO.width, PHOTO.height], align: "center" });
      doc
        .font(FONT.regular)
        .fontSize(7)
        .fillColor(COLOURS.muted)
        .text(p.fileName, x, top + PHOTO.height + 3, { width: PHOTO.width, lineBreak: false, ellipsis: true });
    });
    doc.x = A4.margin;
    doc.y = top + PHOTO.height + PHOTO.caption;
  }
  table(
    doc,
    [
      { header: "File", width: 4 },
      { header: "Kind", width: 1.6 },
      { header: "Attached to", width: 1.4 },
      { header: "Size (MB)", width: 1, align: "right" },
    ],
    files.map((f) => [
      f.fileName,
      KIND[f.mediaType] ?? f.mediaType,
      f.of === "handover" ? "Handover" : "Completion",
      formatDecimal(Math.max(0.01, f.sizeBytes / 1024 / 1024), "en"),
    ]),
  );
  paragraph(doc, "The files themselves, as attached, are in the record's zip (Download all) in the app.", {
    size: 7.5,
    colour: COLOURS.muted,
  });
}
