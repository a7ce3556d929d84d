// Bulk import (a drivetest-bank/1 JSON document or a questions CSV; all or nothing, with the rejection report)
// and export (JSON or CSV download).
import { useState } from "react";
import { catalog } from "../api/catalog";
import { ApiError } from "../api/http";
import { useI18n } from "../i18n/i18n";
import { Page } from "../ui/Page";
import { InlineError } from "../ui/Status";
import { useResource } from "../ui/useResource";
import { admin, type ImportReport, type ImportSummary } from "./adminApi";
import { useAdminT } from "./messages";

function RejectionReport({ report }: { report: ImportReport }) {
  const a = useAdminT();
  return (
    <section className="panel" role="alert" aria-labelledby="rejections-title">
      <h2 id="rejections-title">
        {a("import.rejected", { n: report.rejection_count ?? report.rejections?.length ?? 0 })}
      </h2>
      <p>{report.detail}</p>
      {report.truncated && <p className="muted">{a("import.truncated")}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{a("import.section")}</th>
              <th scope="col">{a("import.row")}</th>
              <th scope="col">{a("import.key")}</th>
              <th scope="col">{a("import.field")}</th>
              <th scope="col">{a("import.message")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejections?.map((r, i) => (
              <tr key={i}>
                <td>{r.section}</td>
                <td>{r.line ? a("import.line", { line: r.line }) : r.index + 1}</td>
                <td>{r.key}</td>
                <td>
                  <code>{r.field}</code>
                </td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportExportPage() {
  const a = useAdminT();
  const { pick } = useI18n();
  const jurisdictions = useResource(() => catalog.jurisdictions(), []);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();
  const [exportJurisdiction, setExportJurisdiction] = useState("");

  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setSummary(undefined);
    setReport(undefined);
    setError(undefined);
    try {
      const csv = file.name.toLowerCase().endsWith(".csv") || file.type === "text/csv";
      setSummary(await admin.import(await file.text(), csv ? "text/csv" : "application/json"));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 422 && failure.problem)
        setReport(failure.problem as ImportReport);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function download(format: "json" | "csv") {
    setError(undefined);
    try {
      const response = await admin.export(format, exportJurisdiction || undefined);
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `drivetest-bank${exportJurisdiction ? `-${exportJurisdiction}` : ""}.${format}`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Page title={a("import.title")}>
      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">{a("import.import")}</h2>
        <p className="muted">{a("import.help")}</p>
        <label htmlFor="import-file">{a("import.file")}</label>{" "}
        <input
          id="import-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {busy && <p role="status">{a("import.importing")}</p>}
        {summary && (
          <div className="notice" role="status">
            <p>
              {summary.changed
                ? a("import.done", { rows: summary.rows, version: summary.bank_version })
                : a("import.unchanged", { rows: summary.rows })}
            </p>
            <pre className="code">{JSON.stringify(summary, null, 2)}</pre>
          </div>
        )}
      </section>
      {report && <RejectionReport report={report} />}
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">{a("import.export")}</h2>
        <div className="form-row">
          <label>
            {a("field.jurisdiction")}
            <select value={exportJurisdiction} onChange={(e) => setExportJurisdiction(e.target.value)}>
              <option value="">{a("filter.all")}</option>
              {jurisdictions.data?.items.map((j) => (
                <option key={j.code} value={j.code}>
                  {pick(j.name)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void download("json")}>
            {a("import.downloadJson")}
          </button>
          <button type="button" onClick={() => void download("csv")}>
            {a("import.downloadCsv")}
          </button>
        </div>
      </section>
      <InlineError error={error} />
    </Page>
  );
}
