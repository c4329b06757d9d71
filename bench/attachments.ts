// npm run bench:attachments — where attachments' bytes are kept, measured:
// bytea in the database (AttachmentContent) against files under a data
// directory with their hash in the database. Writes one 10 MB file and fifty
// of 1 MB, reads them back, on embedded PGlite and (with BENCH_DATABASE_URL)
// on PostgreSQL; and times a thumbnail of a 12-megapixel photo with sharp.
// Results in bench/results/attachments.json.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import sharp from "sharp";
import { openDb } from "@/lib/server/prisma";
import { makeThumbnail } from "@/lib/server/thumbnails";
import { deployMigrations } from "@/scripts/migrations";

type Db = Awaited<ReturnType<typeof openDb>>["db"];
const MB = 1024 * 1024;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const time = async (f: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await f();
  return Math.round(ms(start));
};

/** Photos do not compress: random bytes stand for them (a database or disk cannot shrink them either). */
const files = { one10: [randomBytes(10 * MB)], fifty1: Array.from({ length: 50 }, () => randomBytes(MB)) };

async function inDatabase(db: Db, subjectId: string, batch: Buffer[]) {
  const ids: string[] = [];
  const write = await time(async () => {
    for (const bytes of batch) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const a = await db.attachment.create({
        data: {
          subjectType: "eoreSession",
          subjectId,
          fileName: "bench.bin",
          mediaType: "image/jpeg",
          sizeBytes: bytes.length,
          sha256,
          content: { create: { bytes: new Uint8Array(bytes) } },
        },
        select: { id: true },
      });
      ids.push(a.id);
    }
  });
  let read = 0;
  const readMs = await time(async () => {
    for (const id of ids) {
      const c = await db.attachmentContent.findUniqueOrThrow({ where: { attachmentId: id }, select: { bytes: true } });
      read += c.bytes.length;
    }
  });
  if (read !== batch.reduce((n, b) => n + b.length, 0)) throw new Error("read back a different size");
  const list = await time(() => db.attachment.findMany({ where: { subjectId } }));
  return { writeMs: write, readMs, listMs: list };
}

async function inFiles(db: Db, dir: string, subjectId: string, batch: Buffer[]) {
  const paths: string[] = [];
  const write = await time(async () => {
    for (const bytes of batch) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const file = path.join(dir, sha256);
      // As a careful file store writes: beside its name, synced, renamed, then its row.
      const fd = fs.openSync(`${file}.partial`, "w");
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(`${file}.partial`, file);
      await db.attachment.create({
        data: {
          subjectType: "accident",
          subjectId,
          fileName: "bench.bin",
          mediaType: "image/jpeg",
          sizeBytes: bytes.length,
          sha256,
        },
      });
      paths.push(file);
    }
  });
  const readMs = await time(async () => {
    for (const p of paths) fs.readFileSync(p);
  });
  return { writeMs: write, readMs };
}

async function measure(label: string, db: Db, dataDir: string) {
  const out: Record<string, unknown> = { database: label };
  for (const [name, batch] of Object.entries(files)) {
    out[`bytea_${name}`] = await inDatabase(db, `bench-${name}-${Date.now()}`, batch);
    out[`files_${name}`] = await inFiles(db, dataDir, `bench-${name}-${Date.now()}`, batch);
  }
  return out;
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-attachments-"));
  const results: Record<string, unknown>[] = [];
  try {
    const client = await PGlite.create(path.join(work, "pglite"));
    await deployMigrations(new PrismaPGlite(client));
    const pglite = await openDb({ pgliteClient: client });
    fs.mkdirSync(path.join(work, "files-pglite"));
    results.push(await measure("PGlite (embedded, on disk)", pglite.db, path.join(work, "files-pglite")));
    await pglite.close();
    await client.close();
    const url = process.env.BENCH_DATABASE_URL;
    if (url) {
      await deployMigrations(new PrismaPg({ connectionString: url }));
      const pg = await openDb({ databaseUrl: url });
      fs.mkdirSync(path.join(work, "files-pg"));
      results.push(await measure("PostgreSQL 15 (local)", pg.db, path.join(work, "files-pg")));
      await pg.close();
    }
    // A phone's 12-megapixel photo: noise makes it as large as a real one (about 10 MB at quality 92).
    const photo = await sharp(randomBytes(4032 * 3024 * 3), { raw: { width: 4032, height: 3024, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    const thumbs: number[] = [];
    for (let i = 0; i < 5; i++) thumbs.push(await time(() => makeThumbnail(photo, "image/jpeg")));
    const thumbnail = { photoBytes: photo.length, thumbnailMs: thumbs.sort((a, b) => a - b)[2] };
    const record = {
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      results,
      thumbnail,
    };
    console.log(JSON.stringify(record, null, 2));
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync("bench/results/attachments.json", `${JSON.stringify(record, null, 2)}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
