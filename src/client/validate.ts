// The form's checks before saving: the server's own rules (validateProgress), so the browser says what a save would.
import { validateProgress } from '../domain/progressUpdate';
import type { FieldError, ProgressFields, SidebarAction, SidebarState } from '../ui/sidebarTypes';

/** Why `fields` cannot be saved over what the form loaded for `action`; [] when they can. */
export function validateFields(
  action: SidebarAction,
  fields: ProgressFields,
  state: Pick<SidebarState, 'today' | 'statuses'>,
): FieldError[] {
  return validateProgress({
    before: action.fields,
    after: fields,
    today: state.today,
    statuses: state.statuses,
    targetDate: action.originalTargetDate ?? '',
  });
}
