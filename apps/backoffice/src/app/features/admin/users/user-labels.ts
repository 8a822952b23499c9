/** French labels of user states, shared by the list and the detail page. */
export const USER_STATUS_LABELS: Record<string, string> = {
  active: $localize`:@@users.active:Actif`,
  deactivated: $localize`:@@users.deactivated:Désactivé`,
};
