// The admin area (its own chunk): question bank, blueprints, import / export, bank report, users,
// notifications.
import { NavLink, Route, Routes } from "react-router";
import { NotFoundPage } from "../pages/NotFoundPage";
import { BankReportPage } from "./BankReportPage";
import { BlueprintsPage } from "./BlueprintsPage";
import { ImportExportPage } from "./ImportExportPage";
import { useAdminT, type AdminKey } from "./messages";
import { NotificationsPage } from "./NotificationsPage";
import { QuestionEditorPage } from "./QuestionEditorPage";
import { QuestionsPage } from "./QuestionsPage";
import { RevisionsPage } from "./RevisionsPage";
import { UsersPage } from "./UsersPage";

const sections: [string, AdminKey][] = [
  ["/admin", "admin.questions"],
  ["/admin/blueprints", "admin.blueprints"],
  ["/admin/import", "admin.importExport"],
  ["/admin/report", "admin.report"],
  ["/admin/users", "admin.users"],
  ["/admin/notifications", "admin.notifications"],
];

export default function AdminApp() {
  const a = useAdminT();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={a("admin.nav")}>
        <ul>
          {sections.map(([to, label]) => (
            <li key={to}>
              <NavLink to={to} end={to === "/admin"}>
                {a(label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<QuestionsPage />} />
        <Route path="questions/new" element={<QuestionEditorPage />} />
        <Route path="questions/:id" element={<QuestionEditorPage />} />
        <Route path="questions/:id/revisions" element={<RevisionsPage />} />
        <Route path="blueprints" element={<BlueprintsPage />} />
        <Route path="import" element={<ImportExportPage />} />
        <Route path="report" element={<BankReportPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
