import { Table2 } from "lucide-react";
import { useRouteLoaderData } from "react-router";
import { Card, EmptyState, PageHeader } from "../components/ui";
import type { loader as workspaceLoader } from "./workspace";

export default function WorkspaceHome() {
  const data = useRouteLoaderData<typeof workspaceLoader>("routes/workspace");
  return (
    <>
      <PageHeader title="Tables" description={`Everything ${data?.workspace.name ?? "this workspace"} works on.`} />
      <Card>
        <EmptyState icon={<Table2 className="h-8 w-8" />} title="No tables yet">
          Tables such as Projects, Dealerships and Leads appear here once they are created in this workspace.
        </EmptyState>
      </Card>
    </>
  );
}
