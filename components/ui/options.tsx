/** One choice of a select: the value sent and the label shown. */
export type Choice = { value: string | number; label: string };

/** A select's choices, one <option> each. */
export function Options({ choices }: { choices: readonly Choice[] }) {
  return choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
}
