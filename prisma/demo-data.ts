// Demo records, clearly marked: invented organisations and sites so the
// first screen is not empty. No invented figure is attributed to a real
// organisation.

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
];

type Contamination =
  | "AP_MINES"
  | "AT_MINES"
  | "IMPROVISED_AP_MINES"
  | "IEDS"
  | "UXO"
  | "CLUSTER_MUNITION_REMNANTS"
  | "OTHER_ERW";
type LandUse = "CRITICAL_INFRASTRUCTURE" | "SCHOOL" | "ENERGY" | "AGRICULTURE" | "HOUSING" | "OTHER";

export type DemoHazard = {
  code: string;
  name: string;
  kind: "SHA" | "CHA";
  contamination: Contamination[];
  landUse: LandUse;
  priorityRank: number;
  /** The governorate the site must fall in; the seed checks it against the boundary. */
  expectedPcode: string;
  /** Centre (lon, lat) and size in metres of the site. */
  centre: [number, number];
  widthM: number;
  heightM: number;
  partner: 0 | 1;
  taskStatus: "ASSIGNED" | "IN_PROGRESS" | "COMPLETED";
  /** Releases as fractions of the site's width, west to east, in order. */
  releases: {
    method: "CANCELLED" | "REDUCED" | "CLEARED";
    from: number;
    to: number;
    status: "APPROVED" | "SUBMITTED" | "REJECTED";
    month: string;
    devices?: Partial<Record<"AP_MINE" | "AT_MINE" | "IMPROVISED_AP_MINE" | "IED" | "UXO", number>>;
  }[];
};

export const DEMO_HAZARDS: readonly DemoHazard[] = [
  {
    code: "DEMO-NIN-001",
    name: "Demo: Mosul west farmland",
    kind: "CHA",
    contamination: ["IEDS", "IMPROVISED_AP_MINES"],
    landUse: "AGRICULTURE",
    priorityRank: 2,
    expectedPcode: "IQG15",
    centre: [43.05, 36.3],
    widthM: 600,
    heightM: 400,
    partner: 0,
    taskStatus: "IN_PROGRESS",
    releases: [
      { method: "CANCELLED", from: 0, to: 0.3, status: "APPROVED", month: "2025-03" },
      {
        method: "CLEARED",
        from: 0.25,
        to: 0.6,
        status: "APPROVED",
        month: "2025-06",
        devices: { IMPROVISED_AP_MINE: 14, IED: 3, UXO: 22 },
      },
      {
        method: "CLEARED",
        from: 0.6,
        to: 0.8,
        status: "SUBMITTED",
        month: "2025-09",
        devices: { IMPROVISED_AP_MINE: 5 },
      },
    ],
  },
  {
    code: "DEMO-NIN-002",
    name: "Demo: Sinjar water pumping station",
    kind: "CHA",
    contamination: ["IEDS", "UXO"],
    landUse: "CRITICAL_INFRASTRUCTURE",
    priorityRank: 1,
    expectedPcode: "IQG15",
    centre: [41.87, 36.32],
    widthM: 300,
    heightM: 250,
    partner: 1,
    taskStatus: "COMPLETED",
    releases: [
      { method: "REDUCED", from: 0, to: 0.5, status: "APPROVED", month: "2024-11" },
      { method: "CLEARED", from: 0.5, to: 1, status: "APPROVED", month: "2025-02", devices: { IED: 7, UXO: 31 } },
    ],
  },
  {
    code: "DEMO-ANB-001",
    name: "Demo: Ramadi school grounds",
    kind: "CHA",
    contamination: ["UXO", "IEDS"],
    landUse: "SCHOOL",
    priorityRank: 1,
    expectedPcode: "IQG01",
    centre: [43.3, 33.42],
    widthM: 200,
    heightM: 150,
    partner: 1,
    taskStatus: "IN_PROGRESS",
    releases: [{ method: "CLEARED", from: 0, to: 0.4, status: "APPROVED", month: "2025-10", devices: { UXO: 12 } }],
  },
  {
    code: "DEMO-SAD-001",
    name: "Demo: Baiji power line corridor",
    kind: "SHA",
    contamination: ["IEDS"],
    landUse: "ENERGY",
    priorityRank: 2,
    expectedPcode: "IQG16",
    centre: [43.49, 34.93],
    widthM: 900,
    heightM: 120,
    partner: 1,
    taskStatus: "ASSIGNED",
    releases: [],
  },
  {
    code: "DEMO-BAS-001",
    name: "Demo: Iran-Iraq war minefield near Shatt al-Arab",
    kind: "CHA",
    contamination: ["AP_MINES", "AT_MINES"],
    landUse: "AGRICULTURE",
    priorityRank: 3,
    expectedPcode: "IQG02",
    centre: [47.85, 30.55],
    widthM: 800,
    heightM: 500,
    partner: 1,
    taskStatus: "IN_PROGRESS",
    releases: [
      { method: "REDUCED", from: 0, to: 0.35, status: "APPROVED", month: "2025-01" },
      { method: "CLEARED", from: 0.35, to: 0.5, status: "REJECTED", month: "2025-04", devices: { AP_MINE: 40 } },
    ],
  },
  {
    code: "DEMO-DUH-001",
    name: "Demo: Amadiya border village fields",
    kind: "CHA",
    contamination: ["AP_MINES"],
    landUse: "HOUSING",
    priorityRank: 2,
    expectedPcode: "IQG09",
    centre: [43.49, 37.09],
    widthM: 350,
    heightM: 300,
    partner: 0,
    taskStatus: "IN_PROGRESS",
    releases: [
      { method: "CLEARED", from: 0, to: 0.45, status: "APPROVED", month: "2025-05", devices: { AP_MINE: 61, UXO: 4 } },
    ],
  },
  {
    code: "DEMO-ERB-001",
    name: "Demo: Soran mountain pasture",
    kind: "SHA",
    contamination: ["AP_MINES", "UXO"],
    landUse: "AGRICULTURE",
    priorityRank: 3,
    expectedPcode: "IQG11",
    centre: [44.54, 36.65],
    widthM: 700,
    heightM: 500,
    partner: 0,
    taskStatus: "IN_PROGRESS",
    releases: [{ method: "CANCELLED", from: 0, to: 0.7, status: "APPROVED", month: "2025-07" }],
  },
  {
    code: "DEMO-SUL-001",
    name: "Demo: Penjwen border minefield",
    kind: "CHA",
    contamination: ["AP_MINES", "AT_MINES"],
    landUse: "AGRICULTURE",
    priorityRank: 2,
    expectedPcode: "IQG06",
    centre: [45.94, 35.62],
    widthM: 500,
    heightM: 400,
    partner: 0,
    taskStatus: "IN_PROGRESS",
    releases: [
      {
        method: "CLEARED",
        from: 0,
        to: 0.3,
        status: "APPROVED",
        month: "2025-08",
        devices: { AP_MINE: 118, AT_MINE: 2 },
      },
    ],
  },
  {
    code: "DEMO-HAL-001",
    name: "Demo: Halabja orchard",
    kind: "CHA",
    contamination: ["AP_MINES"],
    landUse: "AGRICULTURE",
    priorityRank: 2,
    expectedPcode: "IQG06Q05",
    centre: [45.98, 35.18],
    widthM: 250,
    heightM: 200,
    partner: 0,
    taskStatus: "ASSIGNED",
    releases: [],
  },
];

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
