import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { attachmentsZip, uniqueNames } from "./attachment-archive";

describe("uniqueNames", () => {
  it("numbers repeated names before their extension, whatever their case", () => {
    expect(uniqueNames(["a.jpg", "b.pdf", "A.jpg", "a.jpg", "notes"])).toEqual([
      "a.jpg",
      "b.pdf",
      "A (2).jpg",
      "a (3).jpg",
      "notes",
    ]);
  });
});

describe("attachmentsZip", () => {
  it("holds each file's bytes under its name", async () => {
    const at = new Date("2026-11-20T06:41:00Z");
    const zip = await JSZip.loadAsync(
      await attachmentsZip([
        { fileName: "photo.jpg", bytes: new Uint8Array([1, 2, 3]), attachedAt: at },
        { fileName: "photo.jpg", bytes: new Uint8Array([4, 5]), attachedAt: at },
      ]),
    );
    expect(Object.keys(zip.files)).toEqual(["photo.jpg", "photo (2).jpg"]);
    expect([...(await zip.file("photo (2).jpg")!.async("uint8array"))]).toEqual([4, 5]);
  });
});
