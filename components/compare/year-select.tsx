/** One of a comparison's two years, in a plain form (GET): the page reads it back from the address. */
export function YearSelect({ form, name, label, years, value }: { form: string; name: string; label: string; years: number[]; value: number | null }) {
  const id = `${form}-${name}`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="field-input w-32">
        {value === null ? <option value="">Choose…</option> : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
