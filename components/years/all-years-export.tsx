/** Every year at once, for analysts: CSV in long format or one workbook with a sheet per year. */
export function AllYearsExport() {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-gray-700">Download every year:</span>
      <a className="btn-secondary px-2 py-1" href="/api/v1/export?format=csv" download>
        CSV (all years)
      </a>
      <a className="btn-secondary px-2 py-1" href="/api/v1/export?format=xlsx" download>
        Excel (a sheet per year)
      </a>
    </p>
  );
}
