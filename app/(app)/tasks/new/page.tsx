import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TaskForm } from "@/components/tasks/task-form";
import { requirePage } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db";
import { operatorsForTasking } from "@/lib/server/queries/accreditations";
import { listGrantsForTasks } from "@/lib/server/queries/funding";
import { HAZARD_AREA_CHOICES, hazardAreaChoices } from "@/lib/server/queries/hazard-areas";

export default async function NewTaskPage({ searchParams }: { searchParams: Promise<{ hazardAreaId?: string }> }) {
  const user = await requirePage("/tasks/new");
  const db = await getDb();
  const [{ hazardAreaId }, hazardAreas, partners, grants, t] = await Promise.all([
    searchParams,
    searchParams.then(({ hazardAreaId }) => hazardAreaChoices(db, user, "", hazardAreaId ? [hazardAreaId] : [])),
    operatorsForTasking(db, user.organisationId),
    listGrantsForTasks(db),
    getTranslations("taskForm"),
  ]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/tasks">{t("allTasks")}</Link>
      </p>
      <h1>{t("heading")}</h1>
      <TaskForm
        hazardAreas={hazardAreas}
        choiceLimit={HAZARD_AREA_CHOICES}
        partners={partners}
        grants={grants}
        preselected={hazardAreaId}
      />
    </>
  );
}
