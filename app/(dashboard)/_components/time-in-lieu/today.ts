/** Today's date (YYYY-MM-DD) in a zone, for date inputs' defaults. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(new Date());
}
