// Demo records, clearly marked: invented organisations and sites so the
// first screen is not empty. No invented figure is attributed to a real
// organisation.
import { z } from "zod";
import { CONTAMINATION_TYPES, LAND_USES } from "@/lib/schemas/hazard-area";
import { DEVICE_CATEGORIES } from "@/lib/schemas/land-release-report";
import demoHazards from "./demo-hazards.json";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_PARTNERS = [
  { name: "Zagros Clearance (demo partner)", shortName: "ZCL-demo" },
  { name: "Two Rivers Survey Team (demo partner)", shortName: "TRS-demo" },
] as const;

export const DEMO_DONOR = { name: "Demo Peace Fund (demo donor)", shortName: "DPF-demo" } as const;

export type DemoAccount = {
  email: string;
  name: string;
  role: "ADMIN" | "AUTHORITY" | "PARTNER" | "DONOR";
  /** Organisation by name. */
  organisation: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@demo.test", name: "Demo Administrator", role: "ADMIN", organisation: "Directorate of Mine Action" },
  { email: "dma@demo.test", name: "Demo DMA Officer", role: "AUTHORITY", organisation: "Directorate of Mine Action" },
  {
    email: "ikmaa@demo.test",
    name: "Demo IKMAA Officer",
    role: "AUTHORITY",
    organisation: "Iraqi Kurdistan Mine Action Agency",
  },
  {
    email: "partner@demo.test",
    name: "Demo Partner Programme Officer",
    role: "PARTNER",
    organisation: DEMO_PARTNERS[0].name,
  },
  { email: "donor@demo.test", name: "Demo Donor Viewer", role: "DONOR", organisation: DEMO_DONOR.name },
  // IKMAA is an operator too: its own clearance teams report on the tasks it gives them, as any operator does.
  {
    email: "ikmaa-team@demo.test",
    name: "Demo IKMAA clearance team",
    role: "PARTNER",
    organisation: "Iraqi Kurdistan Mine Action Agency",
  },
];

/**
 * The demo accreditations' period: from before the demo tasks began (2024-10) to past their planned end, so they
 * stand on the day the demo is seeded. Each demo operator is accredited by the authority of every region it has
 * a demo task in; IKMAA accredits its own teams.
 */
export const DEMO_ACCREDITATION_PERIOD = { validFrom: "2024-07-01", validTo: "2027-06-30" } as const;
export const DEMO_TASK_SCOPES = ["NTS", "TS", "CLEARANCE", "EOD"] as const;

const ZDemoHazard = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(["SHA", "CHA"]),
  contamination: z.array(z.enum(CONTAMINATION_TYPES)),
  landUse: z.enum(LAND_USES),
  priorityRank: z.int(),
  /** The governorate the site must fall in; the seed checks it against the boundary. */
  expectedPcode: z.string(),
  /** Centre (lon, lat) and size in metres of the site. */
  centre: z.tuple([z.number(), z.number()]),
  widthM: z.number().positive(),
  heightM: z.number().positive(),
  /** Which demo partner (index in DEMO_PARTNERS) holds its task. */
  partner: z.union([z.literal(0), z.literal(1)]),
  taskStatus: z.enum(["ASSIGNED", "IN_PROGRESS", "COMPLETED"]),
  /** Releases as fractions of the site's width, west to east, in order. */
  releases: z.array(
    z.object({
      method: z.enum(["CANCELLED", "REDUCED", "CLEARED"]),
      from: z.number().min(0).max(1),
      to: z.number().min(0).max(1),
      status: z.enum(["APPROVED", "SUBMITTED", "REJECTED"]),
      month: z.string().regex(/^\d{4}-\d{2}$/),
      devices: z.partialRecord(z.enum(DEVICE_CATEGORIES), z.int().positive()).optional(),
    }),
  ),
});

export type DemoHazard = z.infer<typeof ZDemoHazard>;

/** The demo hazardous areas, kept as data in demo-hazards.json and checked here when the seed loads them. */
export const DEMO_HAZARDS: readonly DemoHazard[] = z.array(ZDemoHazard).parse(demoHazards);

/** Demo EORE sessions: by which demo partner (index in DEMO_PARTNERS), where, when, and who attended. */
export const DEMO_RISK_EDUCATION = [
  {
    partner: 0,
    governorate: "IQG15",
    heldOn: "2025-02-12",
    place: "Demo: Bartella primary school",
    women: 14,
    men: 6,
    girls: 48,
    boys: 52,
  },
  {
    partner: 0,
    governorate: "IQG15",
    heldOn: "2025-04-03",
    place: "Demo: Hamdaniya returnee households",
    women: 31,
    men: 22,
    girls: 17,
    boys: 19,
  },
  {
    partner: 0,
    governorate: "IQG09",
    heldOn: "2025-05-20",
    place: "Demo: Sharya camp",
    women: 40,
    men: 12,
    girls: 63,
    boys: 58,
  },
  {
    partner: 1,
    governorate: "IQG01",
    heldOn: "2025-03-08",
    place: "Demo: Ramadi farmers' cooperative",
    women: 3,
    men: 27,
    girls: 0,
    boys: 4,
  },
  {
    partner: 1,
    governorate: "IQG16",
    heldOn: "2025-06-15",
    place: "Demo: Baiji secondary school",
    women: 5,
    men: 4,
    girls: 71,
    boys: 66,
  },
] as const;

/** Demo accidents, recorded by the authority of the governorate. */
export const DEMO_CASUALTIES = [
  {
    governorate: "IQG15",
    occurredOn: "2025-01-27",
    place: "Demo: farmland south of Sinjar",
    device: "IED",
    killed: { men: 1 },
    injured: { boys: 1 },
  },
  {
    governorate: "IQG01",
    occurredOn: "2025-03-30",
    place: "Demo: desert track near Rutba",
    device: "UXO",
    killed: {},
    injured: { men: 2 },
  },
  {
    governorate: "IQG16",
    occurredOn: "2025-05-09",
    place: "Demo: orchard near Tikrit",
    device: "CLUSTER_SUBMUNITION",
    killed: { boys: 1 },
    injured: { girls: 1, boys: 1 },
  },
  {
    governorate: "IQG09",
    occurredOn: "2025-04-14",
    place: "Demo: grazing land near Zakho",
    device: "AP_MINE",
    killed: {},
    injured: { men: 1 },
  },
] as const;
