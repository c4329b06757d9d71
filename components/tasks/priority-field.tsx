/** A priority rank as tasks and hazardous areas take it: 1 the highest, 3 unless changed. */
export function PriorityField({ name, label }: { name: string; label: string }) {
  return (
    <label>
      {label}
      <input name={name} type="number" min={1} max={1000} defaultValue={3} required />
    </label>
  );
}
