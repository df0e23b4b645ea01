import type { HolidayRegion } from "./holidays";
import type { Random } from "./random";

/** Given and family names by region, so a Stockholm engineer is not called Brad. */
// biome-ignore format: name lists read best packed
const NAMES: Record<HolidayRegion, { given: readonly string[]; family: readonly string[] }> = {
  SE: {
    given: [
      "Erik", "Anna", "Lars", "Karin", "Johan", "Maria", "Anders", "Sara", "Mikael", "Emma",
      "Oskar", "Linnéa", "Henrik", "Elin", "Fredrik", "Ida", "Gustav", "Maja", "Nils", "Sofia",
      "Björn", "Åsa", "Jörgen", "Märta", "Axel", "Frida", "Viktor", "Ebba",
    ],
    family: [
      "Andersson", "Lindqvist", "Bergström", "Nyström", "Sjöberg", "Holm", "Ekström", "Lundgren",
      "Håkansson", "Öberg", "Wallin", "Forsberg", "Johansson", "Karlsson", "Nilsson", "Eriksson",
      "Lindberg", "Sandberg",
    ],
  },
  GB: {
    given: [
      "Oliver", "Amelia", "Harry", "Isla", "George", "Olivia", "Jack", "Emily", "Charlie",
      "Sophie", "Thomas", "Grace", "James", "Chloe", "William", "Lucy", "Priya", "Tom", "Hannah",
      "Ravi", "Niamh", "Callum",
    ],
    family: [
      "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
      "Walker", "Wright", "Hughes", "Patel", "Khan", "O'Brien", "Green", "Hall", "Clarke",
    ],
  },
  US: {
    given: [
      "Michael", "Jessica", "David", "Ashley", "Chris", "Sarah", "Daniel", "Emily", "Kevin",
      "Megan", "Jason", "Lauren", "Brian", "Rachel", "Carlos", "María", "Wei", "Jamal", "Tyler",
      "Nicole", "Andre", "Hannah",
    ],
    family: [
      "Johnson", "Miller", "Davis", "Garcia", "Rodriguez", "Martinez", "Anderson", "Thompson",
      "Nguyen", "Kim", "Chen", "Lee", "Washington", "Rivera", "Murphy", "Brooks", "Cohen", "Price",
    ],
  },
  IN: {
    given: [
      "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rahul", "Divya",
      "Siddharth", "Meera", "Karthik", "Pooja", "Aditya", "Neha", "Ishaan", "Lakshmi",
    ],
    family: [
      "Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Patel", "Menon", "Rao", "Kulkarni", "Singh",
      "Joshi", "Das", "Krishnan", "Banerjee", "Pillai", "Mehta",
    ],
  },
  AU: {
    given: [
      "Jack", "Charlotte", "Liam", "Ruby", "Noah", "Mia", "Lachlan", "Chloe", "Cooper", "Isabella",
      "Riley", "Zoe", "Hamish", "Matilda", "Flynn", "Sienna",
    ],
    family: [
      "Smith", "Nguyen", "Kelly", "Campbell", "Mitchell", "Harris", "Murphy", "O'Connor",
      "Robinson", "Clarke", "Baker", "Walsh", "Fraser", "McKenzie",
    ],
  },
};

/** "Linnéa Öberg" → "linnea.oberg": e-mail local parts are plain lower-case ASCII. */
export function emailLocalPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, "")
    .trim()
    .split(/\s+/)
    .join(".");
}

/** Hands out names unique across the organisation (adding a middle initial when a pair repeats). */
export class NameBook {
  private readonly usedNames = new Set<string>();
  private readonly usedEmails = new Set<string>();
  private readonly usedParts = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly domain = "example.com",
  ) {}

  next(region: HolidayRegion): { name: string; email: string } {
    const { given, family } = NAMES[region];
    for (let attempt = 0; ; attempt++) {
      const first = this.random.pick(given);
      const last = this.random.pick(family);
      // A small team of Jason Johnson and Jason Anderson reads as fake: prefer fresh names first.
      if (attempt < 30 && (this.usedParts.has(first) || this.usedParts.has(last))) continue;
      if (last.startsWith(first.slice(0, 4))) continue;
      const initial = attempt > 60 ? ` ${String.fromCharCode(65 + this.random.int(0, 25))}.` : "";
      const name = `${first}${initial} ${last}`;
      const email = `${emailLocalPart(name)}@${this.domain}`;
      if (this.usedNames.has(name) || this.usedEmails.has(email)) continue;
      this.usedNames.add(name);
      this.usedEmails.add(email);
      this.usedParts.add(first);
      this.usedParts.add(last);
      return { name, email };
    }
  }
}
