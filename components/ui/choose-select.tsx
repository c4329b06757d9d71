import type { ReactNode } from "react";

/** A required select that starts on a disabled "choose…" line, so the user must pick one of `children` (its <option>s). */
export function ChooseSelect({
  label,
  name,
  value,
  placeholder,
  children,
}: {
  label: string;
  name: string;
  value?: string | number;
  placeholder: string;
  children: ReactNode;
}) {
  return (
    <label>
      {label}
      <select name={name} required defaultValue={value ?? ""}>
        <option value="" disabled>
          {placeholder}
        </option>
        {children}
      </select>
    </label>
  );
}
