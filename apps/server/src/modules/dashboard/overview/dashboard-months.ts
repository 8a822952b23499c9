/** `count` months as `YYYY-MM`, starting with the month of `date` (`YYYY-MM-DD`). */
export function monthsFrom(date: string, count: number): string[] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const value = new Date(Date.UTC(year, month - 1 + index, 1));
    return value.toISOString().slice(0, 7);
  });
}

/** The last day (`YYYY-MM-DD`) of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}
