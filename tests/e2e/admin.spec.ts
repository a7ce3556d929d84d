// An admin creates a question with an image (uploaded to the File service), publishes it and edits it; a
// learner then finds it in practice, image included; the admin's other screens open without errors. The
// question is deleted (soft) at the end, whatever happened.
import { expect, test } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deflateSync } from "node:zlib";
import { admin, signIn, snapshot, token, unique, useLanguage } from "./support";

/** A small PNG (64x64, one colour chosen by `seed`) that no earlier run uploaded. */
function png(seed: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const size = 64;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("an admin creates a question with an image and a learner practises it", async ({ page, browser }, info) => {
  await useLanguage(page, "en");
  const externalId = unique("e2e-");
  const word = unique("Zebracrossing");
  const image = info.outputPath(`${externalId}.png`);
  mkdirSync(dirname(image), { recursive: true });
  writeFileSync(image, png(Date.now() % 0xffffff));

  await page.goto("/");
  await signIn(page, admin);
  await page.locator("header").getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Question bank" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await snapshot(page, "admin-questions");

  await page.getByRole("link", { name: "New question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New question" })).toBeVisible();
  await page.getByLabel("External id").fill(externalId);
  await page.getByLabel("Topic").selectOption("vn.5");
  const text = page.getByRole("group", { name: "Question text" });
  await text.getByLabel("VI").fill(`Biển ${word} có ý nghĩa gì?`);
  await text.getByLabel("EN").fill(`What does the ${word} sign mean?`);
  await page.getByLabel("Option 1 (vi)").fill("Đường dành cho người đi bộ qua đường");
  await page.getByLabel("Option 1 (en)").fill("A pedestrian crossing");
  await page.getByLabel("Option 2 (vi)").fill("Đường cấm");
  await page.getByLabel("Option 2 (en)").fill("No entry");
  const explanation = page.getByRole("group", { name: "Explanation" });
  await explanation.getByLabel("EN").fill("Stripes across the road mark a pedestrian crossing.");
  await page.getByLabel("Upload an image").setInputFiles(image);
  await expect(page.locator(".media-row img")).toHaveCount(1);
  await page.getByLabel("Status").selectOption("published");

  // The live preview follows the form.
  const preview = page.getByRole("region", { name: /Preview/ });
  await expect(preview).toContainText(`Biển ${word} có ý nghĩa gì?`);
  await preview.page().getByRole("group", { name: "Preview language" }).getByRole("button", { name: "EN" }).click();
  await expect(preview).toContainText(`What does the ${word} sign mean?`);
  await expect(preview.locator("img")).toHaveJSProperty("complete", true);
  await snapshot(page, "admin-question-editor");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved: revision 1.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/questions\/\d+$/);
  const questionId = Number(page.url().split("/").pop());
  try {
    // An edit makes revision 2, listed in the history.
    await explanation.getByLabel("VI").fill("Vạch kẻ ngang đường là nơi người đi bộ qua đường.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved: revision 2.")).toBeVisible();
    await page.getByRole("link", { name: /Revisions/ }).click();
    await expect(page.getByRole("heading", { name: "Revision 2" })).toBeVisible();
    await expect(page.getByText("Changed: explanation")).toBeVisible();

    // A learner (anonymous, another browser context) finds the question and practises it, image included.
    const learnerContext = await browser.newContext({ locale: "en-GB" });
    const learnerPage = await learnerContext.newPage();
    await learnerPage.addInitScript(() => localStorage.setItem("dt.language", "en"));
    await learnerPage.goto(`/search?q=${encodeURIComponent(word)}`);
    await learnerPage.getByRole("button", { name: `What does the ${word} sign mean?` }).click();
    const card = learnerPage.locator("article.question-card");
    const img = card.locator(".media img");
    await expect(img).toHaveJSProperty("complete", true);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(64);
    await card.getByText("A pedestrian crossing").click();
    await card.getByRole("button", { name: "Check answer" }).click();
    await expect(card.getByText("Right!")).toBeVisible();
    await expect(card).toContainText("Stripes across the road mark a pedestrian crossing.");
    await snapshot(learnerPage, "practice-new-question");
    await learnerContext.close();

    // The other admin screens answer.
    for (const [link, heading] of [
      ["Blueprints", "Blueprints"],
      ["Import / export", "Import and export"],
      ["Bank report", "Bank validation report"],
      ["Users", "Users"],
      ["Notifications", "Recent notifications"],
    ]) {
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.locator(".error-view")).toHaveCount(0);
      await snapshot(page, `admin-${link.toLowerCase().replace(/[^a-z]+/g, "-")}`);
    }
  } finally {
    // Clean up: a soft delete (past exams would keep it).
    const response = await fetch(`${info.project.use.baseURL}/api/catalog/admin/questions/${questionId}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${await token(admin)}` },
    });
    expect(response.status).toBe(204);
  }
});
