// The Teams app package: manifest validated offline against the official schema, icons, and the zip.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../adapters/teams/commands.ts';
import {
  buildTeamsPackage,
  manifestErrors,
  manifestFor,
  readManifest,
} from '../../../adapters/teams/scripts/package.ts';

const APP_ID = '5f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a0f9';
const icon = (name: string) =>
  readFileSync(new URL(`../../../adapters/teams/appPackage/${name}`, import.meta.url));

/** Width, height, colour type and RGBA pixels of a PNG written with filter 0 on every row. */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      pixels.push([raw[i]!, raw[i + 1]!, raw[i + 2]!, raw[i + 3]!]);
    }
  }
  return { width, height, colourType, pixels };
}

describe('Teams app package', () => {
  beforeAll(() => nock.disableNetConnect()); // the schema check must work offline
  afterAll(() => nock.enableNetConnect());

  it('has a manifest that validates against the official 1.24 schema, offline', async () => {
    const manifest = readManifest();
    expect(manifest.manifestVersion).toBe('1.24');
    expect(await manifestErrors(manifest)).toEqual([]);
    expect(await manifestErrors(manifestFor(APP_ID))).toEqual([]);
  });

  it('catches a broken manifest', async () => {
    const broken = manifestFor(APP_ID);
    (broken.bots[0] as { scopes?: string[] }).scopes = ['personal', 'groupchat']; // lower-case: rejected since 1.17
    delete (broken.icons as Record<string, unknown>).outline;
    const errors = await manifestErrors(broken);
    expect(errors.join('\n')).toMatch(/outline/);
    expect(errors.join('\n')).toMatch(/scopes/);
  });

  it('declares the bot in personal, team and group chat scopes with the command hints', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading the manifest JSON field by field
    const manifest = readManifest() as Record<string, any>;
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists).toHaveLength(1);
    expect(bot.commandLists[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0].commands).toEqual(COMMANDS);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
    ]);
  });

  it('fills in the Azure bot id, and refuses one that is not a GUID', () => {
    const manifest = manifestFor(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo?.id).toBe(APP_ID);
    expect(() => manifestFor('my-bot')).toThrow(/must be a GUID/);
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = decodePng(icon('color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every((p) => p[3] === 255)).toBe(true);
    const outline = decodePng(icon('outline.png'));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const kinds = new Set(outline.pixels.map((p) => (p[3] === 0 ? 'clear' : p.join(','))));
    expect([...kinds].sort()).toEqual(['255,255,255,255', 'clear']);
  });

  it('zips manifest.json and both icons at the root of the package', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'app.zip');
    await buildTeamsPackage(APP_ID, out);
    const zip = new AdmZip(out);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(zip.readFile('outline.png')?.equals(icon('outline.png'))).toBe(true);
  });
});
