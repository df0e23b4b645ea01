import { z } from "zod";

/** True when the runtime knows this IANA zone (aliases such as "US/Eastern" included). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .superRefine((value, context) => {
    if (!isKnownTimeZone(value)) {
      context.addIssue({
        code: "custom",
        message: `Unknown time zone "${value}": use an IANA name such as Europe/Stockholm or UTC.`,
      });
    }
  });
