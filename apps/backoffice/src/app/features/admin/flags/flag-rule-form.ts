import { FormControl, FormGroup, Validators } from '@angular/forms';

export type RuleForm = FormGroup<{
  entityIds: FormControl<string[]>;
  roles: FormControl<string[]>;
  percentage: FormControl<number | null>;
  variant: FormControl<string>;
}>;

export interface FlagRule {
  entityIds?: string[];
  roles?: string[];
  percentage?: number;
  variant: string;
}

export function ruleForm(rule?: FlagRule): RuleForm {
  return new FormGroup({
    entityIds: new FormControl(rule?.entityIds ?? [], { nonNullable: true }),
    roles: new FormControl(rule?.roles ?? [], { nonNullable: true }),
    percentage: new FormControl<number | null>(rule?.percentage ?? null, { validators: [Validators.min(0), Validators.max(100)] }),
    variant: new FormControl(rule?.variant ?? '', { nonNullable: true, validators: [Validators.required] }),
  });
}

/** The API shape: a condition left empty is omitted (the schema wants at least one item when present). */
export function ruleValue(form: RuleForm): FlagRule {
  const { entityIds, roles, percentage, variant } = form.getRawValue();
  return {
    ...(entityIds.length > 0 ? { entityIds } : {}),
    ...(roles.length > 0 ? { roles } : {}),
    ...(percentage !== null && `${percentage}` !== '' ? { percentage: Number(percentage) } : {}),
    variant,
  };
}
