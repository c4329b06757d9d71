// The API description served at /api/openapi.json. Request bodies come from
// the same zod schemas the handlers parse with, so the document cannot drift
// from what the server accepts.
import { ZCompletion, ZHandover } from "@/lib/schemas/completion";
import { ZFundingImport } from "@/lib/schemas/funding-import";
import { ZHazardAreaCreate } from "@/lib/schemas/hazard-area";
import { ZHazardAreaChange } from "@/lib/schemas/hazard-area-change";
import { ZCasualtyIncident, ZRiskEducationSession } from "@/lib/schemas/human-impact";
import { ZReportReview, ZReportSubmit } from "@/lib/schemas/land-release-report";
import { ZPublicPage } from "@/lib/schemas/public-page";
import { ZImportCommit, ZSavedImportMapping } from "@/lib/schemas/register-import";
import { ZTaskCreate, ZTaskTransition } from "@/lib/schemas/task";
import { ZVictimAssistance } from "@/lib/schemas/victim-assistance";
import { ACCREDITATION_PATHS } from "./openapi-accreditation";
import { ATTACHMENT_PATHS } from "./openapi-attachments";
import {
  errors,
  importForm,
  MAP_VIEW,
  op,
  PROGRESS_QUERY,
  queryParameters,
  recordsKeptAsEvents,
} from "./openapi-operations";
import { QUALITY_PATHS } from "./openapi-quality";

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Mine Action Progress API",
    version: "0.1.0",
    description:
      "Land release in Iraq and the Kurdistan Region. Authenticate with a personal API token (`Authorization: Bearer mat_…`, created on /account/tokens) or a session cookie. A token may expire (401 once it has) and may be read-only: a read-only token gets 403 on every request but GET. A password change or reset, or a disable or enable of the account, revokes its tokens and ends its sessions (401); an account whose password an administrator set gets 403 until its holder chooses their own on /account/password. A session ends 12 hours after sign-in. Areas are m² on the WGS84 ellipsoid; geometry is GeoJSON in longitude/latitude.",
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
          },
        },
      },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
  paths: {
    ...ATTACHMENT_PATHS,
    ...QUALITY_PATHS,
    ...ACCREDITATION_PATHS,
    "/api/exports/{file}": {
      get: {
        summary: "Export records as a file, scoped to the caller as the screens are; every export is audited",
        description:
          "`file` is `<dataset>.<format>`: reports, devices, tasks, grants or transactions as `.csv` (UTF-8 with BOM; `hxl=1` adds the HXL hashtag row) or `.xlsx` (typed cells, frozen header); `tables.xlsx` for every table the caller may read, one sheet each; hazard-areas or released (approved land, the counted polygons) as `.geojson`, `.kml` or `.zip` (shapefile with .prj and .cpg); `progress.pdf`, the monthly progress report for `month` and the view; `completion.pdf`, a task's IMAS 08.30 completion report and handover certificate (`task`); `task-areas.gpx` and `task-areas.kml`, a task's hazardous areas (a waypoint and a boundary track each in GPX) and the land released in them, for a GPS device or Google Earth (`task`); `iati.xml`, grants and transactions as IATI 2.03 activities. " +
          "Approved reports are selected exactly as the dashboard sums them, so the export's total is the dashboard's for the same filters. CSV and GeoJSON stream; `X-Export-Rows` says how many rows or areas are coming. XLSX, KML and shapefile are refused (422) above 100,000 rows or 20,000 areas. " +
          "A dropped download resumes: send `X-Resume-From` (bytes received) and `X-Resume-Sha256` (their SHA-256, hex); the answer is the rest of the file, with `X-Export-Resumed-From`, or 412 when the file is no longer the same (start again).",
        parameters: [
          {
            name: "file",
            in: "path",
            required: true,
            schema: { type: "string" },
            description: "e.g. reports.csv, tables.xlsx, released.geojson",
          },
          ...queryParameters([
            ...PROGRESS_QUERY,
            { name: "donor", description: "donor organisation id (grants, transactions)" },
            {
              name: "status",
              description: "reports and devices: approved (default) | submitted | rejected | superseded | all",
            },
            { name: "hxl", description: "1 adds the HXL hashtag row under a CSV's header" },
            { name: "month", description: "progress.pdf: the month, YYYY-MM (default: last month)" },
            { name: "task", description: "completion.pdf, task-areas.gpx, task-areas.kml: the task's id" },
          ]),
        ],
        responses: {
          "200": { description: "The file, as an attachment named after its contents and date" },
          ...errors(400, 401, 403, 404, 412, 422, 503),
        },
      },
    },
    "/api/health": {
      get: {
        summary: "Whether the app can reach its database, for load balancers and monitoring; no sign-in, no data",
        security: [],
        responses: {
          "200": { description: '`{ status: "ok", database: "ok" }`' },
          "503": { description: '`{ status: "unavailable", database: "unreachable" }`, with Retry-After' },
        },
      },
    },
    "/api/progress": {
      get: op(
        "Progress for a view: baseline (dated, sourced), released by method, remaining, by governorate, partner and land use, monthly and yearly series, burn-down, projected completion, devices destroyed",
        {
          ok: 200,
          okDescription:
            "`{ baselineM2, baselineBasis, baselineSource, nationalEstimateM2, registeredM2, registeredRemainingM2, unregisteredEstimateM2, releasedM2: { cancelled, reduced, cleared, total }, releasedToDateM2, remainingM2, fractionReleased, byGovernorate, byPartner, byLandUse, monthly, yearly, burnDown, projection, projectionByMethod, devices }`. projection counts every method; projectionByMethod: `{ groundWork, cancellation }`, the whole remaining at the trailing-12-month rate of technical survey and clearance alone (the dashboard's headline), and cancellation's rate with its best and worst complete years, not counted in it. remainingM2 = registeredRemainingM2 (left in registered hazardous areas) + unregisteredEstimateM2 (the national estimate less the registered areas, less land released there before the estimate's date, never below 0; 0 in a filtered view). baselineBasis: `national-record`, `registered-areas` (a filtered view, or no estimate recorded) or `register-exceeds-estimate` (the register is the figure).",
          errors: [400, 401],
          query: PROGRESS_QUERY,
        },
      ),
    },
    "/api/funding/summary": {
      get: op(
        "Funding by donor, year, partner or region: committed, disbursed and spent US$ (a donor sees the grants it funds)",
        {
          ok: 200,
          okDescription:
            "`{ items: [{ key, label, committedUsd, disbursedUsd, spentUsd }], totalUsd, totals }` (totalUsd = committed)",
          errors: [400, 401, 403],
          query: [
            { name: "groupBy", description: "donor | year | partner | region (default donor)" },
            { name: "year", description: "fiscal year" },
            { name: "region", description: "federal | kurdistan" },
          ],
        },
      ),
    },
    "/api/funding/import": {
      post: op(
        "Import donor contributions (administrator): rows in Landmine Monitor's shape, each optionally with its activity split (`split`: landReleaseBp, eoreBp, victimAssistanceBp, capacityBp adding up to 10000; left out when the grant does not state it), one transaction; rows already imported from the same source are skipped",
        {
          body: ZFundingImport,
          ok: 201,
          okDescription: "`{ created, skipped, rows }`",
          errors: [400, 401, 403],
        },
      ),
    },
    "/api/settings/public-page": {
      post: op("Publish or withdraw the sign-in-free public progress page (authority, administrator)", {
        body: ZPublicPage,
        ok: 200,
        okDescription: "`{ enabled }`",
        errors: [400, 401, 403],
      }),
    },
    "/api/organisations": {
      get: op("Organisations, or those holding a role (an authority with its own teams is an operator too)", {
        ok: 200,
        okDescription: "`{ items: [{ id, name, roles: [authority | operator | donor], operatorKind }] }`",
        errors: [400, 401],
        query: [{ name: "type", description: "operator (or partner) | donor | authority" }],
      }),
    },
    "/api/hazard-areas": {
      get: op("Search the caller's hazardous areas with land left to release, 50 at most, highest priority first", {
        ok: 200,
        okDescription: "`{ items: [{ id, code, name, areaM2, releasedM2 }] }`",
        errors: [401, 403],
        query: [{ name: "q", description: "part of the code, name or governorate (English)" }],
      }),
      post: op(
        "Register a hazardous area (authority); the governorate is derived from the polygon. Land already in a registered hazardous area is refused with 409, naming the area and the overlap",
        {
          body: ZHazardAreaCreate,
          upload: true,
          ok: 201,
          okDescription:
            "`{ id, code, areaM2, governoratePcode, notes }`; an uploaded file adds `sourceCrs`, the coordinate system it was read in (e.g. `EPSG:7006`), and `notes` then name the datum shift applied and its accuracy",
          errors: [400, 401, 403, 409, 422],
        },
      ),
    },
    "/api/hazard-areas/{id}/changes": {
      get: op("A hazardous area's history, newest first: each change with its kind, date, evidence, before and after", {
        ok: 200,
        okDescription:
          "`{ items: [{ id, kind, effectiveDate, evidence, before, after, related: [{ id, code }], by, at }] }`",
        errors: [401, 403, 404],
        params: ["id"],
      }),
      post: op(
        "Change a hazardous area (authority, its own): `reclassify` (kind SHA/CHA, contamination), `revise` its boundary (which must keep its released land), `split` it by a polygon drawn across it into two new areas, `merge` others of its governorate into one new area, `suspend`, `reopen`, `withdraw` it as recorded in error, `closeInvestigation`; each with `effectiveDate` and `evidence`. Split and merge keep the areas before as superseded, with their reports; the new areas carry their released land, so no figure moves. An area closes by itself when all of its land is released",
        {
          body: ZHazardAreaChange,
          upload: true,
          ok: 200,
          okDescription:
            "The area as changed; for split and merge `{ superseded: [codes], created: [{ id, code, areaM2, releasedM2, status }] }`",
          errors: [400, 401, 403, 404, 409, 422],
          params: ["id"],
        },
      ),
    },
    "/api/hazard-areas/map": {
      get: op(
        "The caller's hazardous areas in a map view (authority: its own; administrator: all), found through the bounding-box index",
        {
          ok: 200,
          okDescription:
            'From zoom 9, when the view holds 2,000 areas or fewer whose polygons together are under about 8 MB: `{ level: "areas", features }`, GeoJSON features with `{ id, code, name, kind, contamination, status }` (status open, partial or released), and from zoom 13 `released`: the land approved reports released in them, `{ method }`, each report once. Otherwise `{ level: "cells", cellDeg, reason: "zoom" | "tooMany", features }`: points at the mean centre of the areas in each square cell of `cellDeg` degrees, with `{ areas, byStatus: { open, partial, released }, areaM2, releasedM2 }`; every area in the view is counted in one cell',
          errors: [400, 401, 403],
          query: MAP_VIEW,
        },
      ),
    },
    "/api/imports": {
      post: op(
        "Preview a file of hazardous areas, or of past land releases on registered areas, for the register (an authority in its own governorates, an admin in any: each area goes to its governorate's authority): every row mapped and checked as single registration (or a report's approval) checks it; nothing is registered or counted",
        {
          form: importForm,
          ok: 201,
          okDescription:
            "`{ id, status: \"previewed\", rows, accepted, overlapping, acceptedM2, problems: [{ row, field, code, message }], columns, mapping, sourceCrs, notes }`: `problems` names each refused row's field (or `geometry`) with the same messages as single registration; `overlapping` rows share land with the register or earlier rows and need a decision at commit. For `kind=releases`, also `countedM2`, `alreadyReleasedM2`, `outsideM2`: what the accepted releases would count, accounted oldest first against their areas' released land. 422 when the required fields (code, kind, contamination; for releases hazardAreaCode, method, operator, periodEnd) have no column: `details` lists the file's `columns`",
          errors: [400, 401, 403, 422],
        },
      ),
    },
    "/api/imports/mappings": {
      get: op("The column mappings the caller's authority can start a file from: IMSMA NG's (built in), then its own", {
        ok: 200,
        okDescription:
          "`{ mappings: [{ id, name, mapping: { fields, values }, savedAt, builtIn }] }`: IMSMA NG's shapefile export first (`builtIn`), then the authority's by name",
        errors: [401, 403],
      }),
      post: op(
        "Save a column mapping under a name for the caller's authority (audited); the same name replaces it. Pass its `mapping` with the next file to POST /api/imports",
        {
          body: ZSavedImportMapping,
          ok: 201,
          okDescription:
            "`{ id, name, mapping, savedAt, builtIn: false, replaced }`; 200 when it replaced a mapping of that name",
          errors: [400, 401, 403],
        },
      ),
    },
    "/api/imports/{id}": {
      get: op("An import of the caller's authority: its problems, and the progress of its commit", {
        ok: 200,
        okDescription:
          "`{ id, kind, fileName, rowCount, acceptedCount, overlappingCount, problems, columns, mapping, progress: { kind, status, accepted, created, skipped, pending, running, registeredM2, releasedM2 }, registeredM2, registeredAreas }`: `releasedM2`, what an import of releases counts as released now",
        errors: [401, 403, 404],
        params: ["id"],
      }),
    },
    "/api/imports/{id}/commit": {
      post: op(
        "Register the previewed rows, in batches of 200 (each one transaction, audited), against the register as it stands: rows sharing land with it are skipped, trimmed to their unregistered part, or merged (that part added to the authority's area they share most land with, its boundary revised in its history). Past releases become approved reports marked as imported, accounted against their areas' released land then (an area released to the last m² closes). Committing again resumes a stopped commit",
        {
          body: ZImportCommit,
          ok: 200,
          okDescription:
            "`{ status, accepted, created, skipped, merged, pending, running, registeredM2, mergedM2 }` when done (`mergedM2`: land added to areas registered before the import); 202 with the same while it goes on (read GET /api/imports/{id}). 412 when rows overlap and `overlaps` (skip, remainder or merge) is not given",
          errors: [400, 401, 403, 404, 409, 412],
          params: ["id"],
        },
      ),
    },
    "/api/imports/{id}/withdraw": {
      post: op(
        "Withdraw an import: its areas leave the register while none has a task, report or baseline record, and areas its rows merged into get their boundary back; its past releases are kept, marked withdrawn and no longer counted, their areas' released land as it was without them (refused once land was released or a boundary changed in those areas after the import); a preview is discarded",
        {
          ok: 200,
          okDescription: '`{ id, status: "withdrawn", removed }`',
          errors: [401, 403, 404, 409],
          params: ["id"],
        },
      ),
    },
    "/api/tasks": {
      get: op("The caller's tasks, 100 a page (`page`, from 1)", {
        ok: 200,
        okDescription: "`{ total, page, pageSize, items: [...] }`: `total` counts every task the caller may read",
        errors: [400, 401, 403],
      }),
      post: op("Issue a task order (authority)", {
        body: ZTaskCreate,
        ok: 201,
        okDescription: "`{ id, code, status }`",
        errors: [400, 401, 403, 404],
      }),
    },
    "/api/risk-education": recordsKeptAsEvents(
      "EORE sessions, newest first, 100 a page (`page`): a partner's own, an authority's governorates', everyone's for others",
      "Record an EORE session the partner delivered, with beneficiaries by sex and age. With `supersedesId` and `correctionNote` it corrects one of the partner's sessions (the corrected one stays, no longer counted); `{ supersedesId, withdrawn: true, correctionNote }` withdraws one. A `clientRef` (8 to 64 letters, digits or hyphens) makes a resend harmless: the same one sent again answers 200 with the session already recorded",
      ZRiskEducationSession,
      "session",
    ),
    "/api/casualties": recordsKeptAsEvents(
      "Explosive ordnance accidents, newest first, 100 a page (`page`): devices (`[]`: not known), `location` (a GeoJSON point or null), `casualties` as groups `{ outcome, sex, age, status, count }`, and `killed`, `injured`, `unknownOutcome`, `total`",
      "Record an accident in one of the authority's governorates: `devices` (zero or more categories, none when not known), an optional `location` (`{ type: 'Point', coordinates: [lon, lat] }`, refused unless inside the governorate), and `casualties`, one group per outcome (KILLED, INJURED, UNKNOWN), sex (FEMALE, MALE, UNKNOWN), age (ADULT 18+, CHILD, UNKNOWN) and status (CIVILIAN, DEMINER, SECURITY_FORCES, UNKNOWN) with its `count`. The earlier body (`deviceCategory`, `killed`/`injured` as women, men, girls, boys) is still read, as groups of unknown status. Correct (`supersedesId`, `correctionNote`) or withdraw (`{ supersedesId, withdrawn: true, correctionNote }`) one it recorded. The same `clientRef` sent again answers 200 with the accident already recorded",
      ZCasualtyIncident,
      "accident",
    ),
    "/api/victim-assistance": recordsKeptAsEvents(
      "Victim assistance records, newest period first, 100 a page (`page`): an operator's own, an authority's governorates', everyone's for others",
      "Record survivors referred to or given a service (MEDICAL_CARE, PHYSICAL_REHABILITATION, PSYCHOLOGICAL_SUPPORT, ECONOMIC_INCLUSION) in a period and governorate, by sex and age (`unknown` where not known), optionally linked to an accident (`incidentId`) in force in the same governorate (an authority: in its own region). An authority records in its own governorates, an operator in any. Correct (`supersedesId`, `correctionNote`) or withdraw (`{ supersedesId, withdrawn: true, correctionNote }`) one the organisation recorded; the same `clientRef` sent again answers 200",
      ZVictimAssistance,
      "record",
    ),
    "/api/tasks/{id}": {
      get: op("One task with its hazardous areas and reports", {
        ok: 200,
        okDescription: "The task",
        errors: [401, 403, 404],
        params: ["id"],
      }),
    },
    "/api/tasks/{id}/status": {
      post: op(
        "Move a task along its lifecycle (authority: assign, re-plan, cancel, accept handover; partner: start, complete)",
        {
          body: ZTaskTransition,
          ok: 200,
          okDescription: "`{ id, status }`",
          errors: [400, 401, 403, 404, 409],
          params: ["id"],
        },
      ),
    },
    "/api/tasks/{id}/completion": {
      post: op(
        "Complete a task in progress with its IMAS 08.30 completion report (partner): markers, benchmark, residual " +
          "risk and its holder; clearance depth when the task cleared land; no report may still await review; any " +
          "part of its hazardous areas left unreleased is refused unless `remainderReason` records it (its m² measured)",
        {
          body: ZCompletion,
          ok: 201,
          okDescription: "`{ id, status: 'completed', completionReportId }`",
          errors: [400, 401, 403, 404, 409],
          params: ["id"],
        },
      ),
    },
    "/api/tasks/{id}/handover": {
      post: op(
        "Record the handover of a completed task's land (authority): date, recipient, attendees by sex and age; " +
          "refused until a post-clearance inspection recorded after the current completion passed",
        {
          body: ZHandover,
          ok: 200,
          okDescription: "`{ id, status: 'handed_over' }`",
          errors: [400, 401, 403, 404, 409],
          params: ["id"],
        },
      ),
    },
    "/api/tasks/{id}/reports": {
      post: op(
        "Submit a land-release report (partner), or a correction of an approved one (`supersedesId`); " +
          "`clearanceDepthCm` (whole cm, 1 to 1000) is required when `method` is cleared, refused when cancelled " +
          "(non-technical survey does not dig), optional when reduced",
        {
          body: ZReportSubmit,
          upload: true,
          ok: 201,
          okDescription:
            "`{ id, status: 'submitted', submittedAreaM2, outsideAreaM2, alreadyReleasedAreaM2, countedAreaM2, notes }`; an uploaded file adds `sourceCrs`, the coordinate system it was read in (e.g. `EPSG:7006`), and `notes` then name the datum shift applied and its accuracy",
          errors: [400, 401, 403, 404, 409, 422],
          params: ["id"],
        },
      ),
    },
    "/api/reports/{id}/approve": {
      post: op("Approve a submitted report (authority of its governorate)", {
        ok: 200,
        okDescription: "`{ id, status, countedAreaM2 }`",
        errors: [401, 403, 404, 409],
        params: ["id"],
      }),
    },
    "/api/reports/{id}/reject": {
      post: op("Reject a submitted report with a reason", {
        body: ZReportReview.options[1].omit({ decision: true }),
        ok: 200,
        okDescription: "`{ id, status }`",
        errors: [400, 401, 403, 404, 409],
        params: ["id"],
      }),
    },
  },
} as const;
