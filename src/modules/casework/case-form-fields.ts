import type { FormValues } from '../../platform/web/forms.ts';

/**
 * The fields of a case action form, as data the one form template draws with GOV.UK macros. Names
 * are flat (`remedy-1-description`), so a form posts plain fields and works without JavaScript.
 */
export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

export type FieldSpec =
  | { type: 'text'; name: string; label: string; hint?: string; prefix?: string; width?: string }
  | { type: 'textarea'; name: string; label: string; hint?: string; rows?: number }
  | { type: 'radios'; name: string; legend: string; hint?: string; items: Choice[]; inline?: boolean }
  | { type: 'select'; name: string; label: string; hint?: string; items: Choice[] }
  | { type: 'date'; name: string; legend: string; hint?: string }
  | { type: 'confirm'; name: string; legend: string; label: string }
  /** Several choices, each posted as its own field `${name}-${value}` = "yes" (forms keep one value per name). */
  | { type: 'checkboxes'; name: string; legend: string; hint?: string; items: Choice[] }
  | { type: 'fieldset'; legend: string; hint?: string; fields: FieldSpec[] }
  | { type: 'hidden'; name: string; value: string }
  /** A secondary submit button that redraws the form with one more row of its kind. */
  | { type: 'add'; name: string; value: string; text: string };

/** The id the error summary links to: a date input's first box, otherwise the field itself. */
export function fieldIds(fields: readonly FieldSpec[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const field of fields) {
    if (field.type === 'fieldset') Object.assign(ids, fieldIds(field.fields));
    else if (field.type === 'hidden' || field.type === 'add') continue;
    else ids[field.name] = field.type === 'date' ? `${field.name}-day` : field.name;
  }
  return ids;
}

/** The field a checkbox posts as. */
export const checkboxName = (name: string, value: string) => `${name}-${value}`;

/** The values of the checkboxes ticked, in the order offered. */
export function ticked(values: FormValues, name: string, offered: readonly string[]): string[] {
  return offered.filter((value) => values[checkboxName(name, value)] === 'yes');
}

/** Whether any field of a group was answered (an untouched optional row is left out). */
export function anyAnswered(values: FormValues, names: readonly string[]): boolean {
  return names.some((name) => (values[name] ?? '').trim() !== '');
}

/** The trimmed answer, or undefined when blank (so optional schema fields stay absent). */
export function optional(values: FormValues, name: string): string | undefined {
  const value = (values[name] ?? '').trim();
  return value === '' ? undefined : value;
}

/** One answer per line of a textarea. */
export function lines(values: FormValues, name: string): string[] {
  return (values[name] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** "12.50" or "£12.50" as pence; anything else is kept as text for the schema to refuse. */
export function penceFrom(values: FormValues, name: string): number | string | undefined {
  const value = optional(values, name)?.replace(/^£/, '').replace(/,/g, '');
  if (value === undefined) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : value;
}

/** The fields with each radio or option marked as chosen when it is the answer, for the template. */
export function withAnswers(fields: readonly FieldSpec[], values: FormValues): unknown[] {
  return fields.map((field) => {
    if (field.type === 'fieldset') return { ...field, fields: withAnswers(field.fields, values) };
    if (field.type === 'radios') {
      return {
        ...field,
        items: field.items.map((item) => ({
          value: item.value,
          text: item.text,
          checked: values[field.name] === item.value,
          ...(item.hint ? { hint: { text: item.hint } } : {}),
        })),
      };
    }
    if (field.type === 'checkboxes') {
      return {
        ...field,
        items: field.items.map((item) => ({
          name: checkboxName(field.name, item.value),
          value: 'yes',
          text: item.text,
          checked: values[checkboxName(field.name, item.value)] === 'yes',
          ...(item.hint ? { hint: { text: item.hint } } : {}),
        })),
      };
    }
    if (field.type === 'select') {
      return {
        ...field,
        items: field.items.map((item) => ({ ...item, selected: values[field.name] === item.value })),
      };
    }
    return field;
  });
}
