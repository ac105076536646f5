// The packaging configuration, checked here because it is only used on machines that build
// packages: electron-builder.yml against electron-builder's own schema (a typo fails here, not
// on release day), the Electron fuses, the maintainer e-mail a .deb needs, the icons it names,
// and which packages ship inside the app.
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import * as z from 'zod';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const builderLib = join(require.resolve('app-builder-lib/package.json', { paths: [root] }), '..');
const builderVersion = (JSON.parse(readFileSync(join(builderLib, 'package.json'), 'utf8')) as { version: string }).version;
const schema = JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8')) as object;
const config = YAML.parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const problems = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    expect(problems(config)).toEqual([]);
    console.log(`electron-builder.yml: valid against app-builder-lib ${builderVersion} scheme.json (${Object.keys(config).length} top-level keys)`);
  });

  it('the schema check catches a typo', () => {
    expect(problems({ ...config, lniux: config.linux })).toHaveLength(1);
    expect(problems({ ...config, linux: { ...(config.linux as object), exectuableName: 'x' } }).length).toBeGreaterThan(0);
  });

  it('sets the fuses the security checklist advises', () => {
    const fuses = config.electronFuses as Record<string, boolean>;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    console.log(`Electron fuses: ${Object.entries(fuses).map(([name, on]) => `${name}=${on}`).join(', ')}`);
  });

  it('names icon files that exist', () => {
    const icons = ['mac', 'win', 'linux'].map((platform) => (config[platform] as { icon: string }).icon);
    for (const icon of icons) expect(existsSync(join(root, icon)), icon).toBe(true);
    expect((config.files as string[]).includes('build/tray/**')).toBe(true);
  });
});

describe('package.json for the packages', () => {
  it('has an author with an e-mail (the .deb maintainer) and a homepage', () => {
    const author = z.object({ name: z.string().min(1), email: z.email() }).safeParse(packageJson.author);
    expect(author.success).toBe(true);
    expect(z.url().safeParse(packageJson.homepage).success).toBe(true);
  });

  it('ships only what the main process loads: the renderer libraries are bundled by Vite', () => {
    const dependencies = Object.keys(packageJson.dependencies as object);
    for (const bundled of ['react', 'react-dom', 'zustand', '@tanstack/react-query']) expect(dependencies).not.toContain(bundled);
  });
});
