import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./decode-utf8";
import { chunksOf, collect } from "./testing/stream-chunks";

const decode = async (content: string | Buffer, size: number) =>
  (await collect(decodeUtf8(chunksOf(content, size)))).join("");

describe("decodeUtf8", () => {
  it("joins characters whose bytes arrive in different chunks", async () => {
    expect(await decode("Åsa Öberg 🚒 日本", 1)).toBe("Åsa Öberg 🚒 日本");
  });

  it("drops a byte-order mark split over chunks, and only a leading one", async () => {
    expect(await decode("\uFEFFid,name\n\uFEFF", 1)).toBe("id,name\n\uFEFF");
  });

  it("stops at bytes that are not UTF-8, naming the line", async () => {
    const windows1252 = Buffer.concat([
      Buffer.from("name\nAnn\n"),
      Buffer.from([0xc5]),
      Buffer.from("sa\n"),
    ]);
    for (const size of [1, 4, 1000]) {
      await expect(decode(windows1252, size)).rejects.toThrow(
        'the file is not UTF-8 text (line 3 holds bytes that are not UTF-8): save it as UTF-8 (Excel: "CSV UTF-8") and import it again',
      );
    }
  });
});
