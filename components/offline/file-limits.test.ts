import { describe, expect, it } from "vitest";
import { fileProblem } from "./file-limits";

const MB = 1024 * 1024;

describe("the files a form may carry", () => {
  it("accepts files up to 10 MB each and 50 MB together", () => {
    expect(fileProblem([])).toBeNull();
    expect(
      fileProblem([{ name: "a.jpg", size: 10 * MB }, ...Array(4).fill({ name: "b.jpg", size: 10 * MB })]),
    ).toBeNull();
  });
  it("names the file over 10 MB with its size", () => {
    expect(
      fileProblem([
        { name: "ok.jpg", size: MB },
        { name: "scan.pdf", size: 10 * MB + 1 },
      ]),
    ).toEqual({
      key: "tooLarge",
      values: { name: "scan.pdf", sizeMb: "10.0" },
    });
  });
  it("says the total when the files together pass 50 MB", () => {
    expect(fileProblem(Array(6).fill({ name: "p.jpg", size: 9 * MB }))).toEqual({
      key: "tooLargeTogether",
      values: { sizeMb: "54.0" },
    });
  });
});
