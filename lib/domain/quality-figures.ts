// Quality management's figures by operator (IMAS 07.40, 09.20), as the dashboard shows them.

/** One operator's row: visits and inspections of the period, non-conformities open at its end, reopened land. */
export type QualityByOperator = {
  operatorId: string;
  operator: string;
  visits: number;
  openNonConformities: number;
  overdueNonConformities: number;
  inspectionsPassed: number;
  inspectionsFailed: number;
  reopenedM2: number;
  /** The tasks these figures come from, to trace each one to its records. */
  tasks: { id: string; code: string }[];
};
