import { demoOrganisation } from "./demo-organisation";
import { generatedOrganisation } from "./generated-organisation";
import type { OrganisationSpec } from "./organisation-types";
import { createRandom } from "./random";

export type SeedScale = "demo" | "small" | "large";

export const SEED_SCALES: readonly SeedScale[] = ["demo", "small", "large"];

/**
 * small: ~25 teams, ~200 people, ~60 services, ~100k incidents over six quarters;
 * large: ~260 teams, >2,000 people, ~2.9M incidents, >5M pages (about two pages per incident) —
 * a load test, not a healthy organisation.
 */
export function organisationSpecFor(scale: SeedScale, seed: number): OrganisationSpec {
  switch (scale) {
    case "demo":
      return demoOrganisation;
    case "small":
      return generatedOrganisation(25, 1_250, createRandom(seed, "organisation", scale));
    case "large":
      return generatedOrganisation(260, 40_000, createRandom(seed, "organisation", scale));
  }
}
