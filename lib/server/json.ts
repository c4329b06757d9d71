import type { Prisma } from "@/generated/prisma/client";

/** GeoJSON and other plain data for a jsonb column (the GeoJSON types lack Prisma's index signature). */
export function toJson(value: object): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
