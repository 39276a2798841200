// npm run teams:package: the Teams app package (manifest.json, color.png, outline.png at the zip root),
// with the bot id filled in from MicrosoftAppId and the manifest validated offline against its schema.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { loadConfig } from '../../../src/config.ts';

const APP_PACKAGE = fileURLToPath(new URL('../appPackage/', import.meta.url));
const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const DEFAULT_PACKAGE_PATH = join(ROOT, 'dist', 'ecs-vs-eks-teams.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Manifest {
  bots: Array<{ botId: string }>;
  webApplicationInfo?: { id: string };
  [key: string]: unknown;
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8')) as Manifest;
}

/** The manifest for one Azure Bot: its app id is the bot id and the RSC application id. */
export function manifestFor(appId: string): Manifest {
  if (!GUID.test(appId))
    throw new Error(`MicrosoftAppId must be a GUID (the Azure Bot's app id), got "${appId}"`);
  const manifest = readManifest();
  for (const bot of manifest.bots) bot.botId = appId;
  if (manifest.webApplicationInfo) manifest.webApplicationInfo.id = appId;
  return manifest;
}

/** Schema errors of a manifest, checked against the schema bundled in @microsoft/app-manifest (offline). */
export async function manifestErrors(manifest: Manifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as never);
}

export async function buildTeamsPackage(appId: string, outFile = DEFAULT_PACKAGE_PATH): Promise<string> {
  const manifest = manifestFor(appId);
  const errors = await manifestErrors(manifest);
  if (errors.length) throw new Error(`manifest.json does not match its schema:\n  ${errors.join('\n  ')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of ['color.png', 'outline.png']) zip.addFile(icon, readFileSync(join(APP_PACKAGE, icon)));
  mkdirSync(dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return outFile;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--app-id');
  const appId = flag > 0 ? process.argv[flag + 1] : loadConfig().MicrosoftAppId;
  if (!appId) {
    throw new Error(
      "Set MicrosoftAppId in .env (the Azure Bot's app id) or pass --app-id <guid>: Teams routes messages to the bot by that id.",
    );
  }
  const file = await buildTeamsPackage(appId);
  console.log(`Teams app package: ${file}`);
  console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`teams:package: ${(err as Error).message}`);
    process.exit(1);
  });
}
