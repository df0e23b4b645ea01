import { randomInt } from "node:crypto";

/** No 0/O, 1/l/I: the password is read off a terminal and typed into a form. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A random password for `fairshift user add` without --password: four groups of five characters
 * from 56 symbols (about 116 bits) joined by hyphens, e.g. "h7Kq2-Wm9xP-a4TzR-e8NbY".
 */
export function generatePassword(): string {
  return Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  ).join("-");
}
