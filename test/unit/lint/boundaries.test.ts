// The boundary rules have tests of their own: each forbidden import must fail lint, and the
// allowed shapes must pass, so a config edit cannot silently switch a boundary off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
// Built from a constant so repository-wide greps for electron imports do not flag these fixtures.
const E = 'electron';

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

// The first lint loads the TypeScript parser, which takes seconds on a busy machine.
describe('boundary rules', { timeout: 60_000 }, () => {
  it.each([
    [
      'a service importing electron',
      'electron/services/ais-handoff.ts',
      `import { app } from '${E}';\nexport const a = app;\n`,
    ],
    [
      'a service importing the shell',
      'electron/services/x.ts',
      "import { startShell } from '../main/shell';\nexport const a = startShell;\n",
    ],
    [
      'a service importing dev code',
      'electron/services/x.ts',
      "import { startSlapd } from '../../dev/slapd/throwaway-slapd';\nexport const a = startSlapd;\n",
    ],
    [
      'a service importing an operator command',
      'electron/services/health/x.ts',
      "import { runDoctorCommand } from '../../ops/doctor-command';\nexport const a = runDoctorCommand;\n",
    ],
    [
      'an operator command importing electron',
      'electron/ops/x.ts',
      `import { app } from '${E}';\nexport const a = app;\n`,
    ],
    [
      'an operator command importing dev code',
      'electron/ops/x.ts',
      "import { startDemoProfile } from '../../dev/demo/demo-profile';\nexport const a = startDemoProfile;\n",
    ],
    [
      'an operator command importing the shell',
      'electron/ops/x.ts',
      "import { startShell } from '../main/shell';\nexport const a = startShell;\n",
    ],
    [
      'shared importing electron',
      'shared/contract/x.ts',
      `import { ipcRenderer } from '${E}';\nexport const a = ipcRenderer;\n`,
    ],
    [
      'shared importing a Node built-in',
      'shared/contract/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
    ],
    [
      'shared importing a bare Node built-in',
      'shared/contract/x.ts',
      "import { join } from 'path';\nexport const a = join;\n",
    ],
    [
      'shared importing React',
      'shared/contract/x.ts',
      "import { useState } from 'react';\nexport const a = useState;\n",
    ],
    [
      'shared importing main code',
      'shared/contract/x.ts',
      "import { Dispatcher } from '../../electron/services/dispatcher';\nexport const a = Dispatcher;\n",
    ],
    [
      'the renderer importing electron',
      'renderer/src/x.ts',
      `import { ipcRenderer } from '${E}';\nexport const a = ipcRenderer;\n`,
    ],
    [
      'the renderer importing electron/',
      'renderer/src/welcome/x.ts',
      "import { Dispatcher } from '../../../electron/services/dispatcher';\nexport const a = Dispatcher;\n",
    ],
    [
      'the preload importing a service',
      'electron/preload/x.ts',
      "import { Dispatcher } from '../services/dispatcher';\nexport const a = Dispatcher;\n",
    ],
    [
      'a shell module importing electron at runtime',
      'electron/main/window.ts',
      `import { BrowserWindow } from '${E}';\nexport const a = BrowserWindow;\n`,
    ],
    [
      'a test importing electron at runtime',
      'test/unit/x.test.ts',
      `import { app } from '${E}';\nexport const a = app;\n`,
    ],
  ])('fails lint for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    [
      'directory importing accounts (a layer up)',
      'electron/services/directory/x.ts',
      "import { AccountDirectory } from '../accounts/account-directory';\nexport const a = AccountDirectory;\n",
    ],
    [
      'a type-only import a layer up',
      'electron/services/session/x.ts',
      "import type { AccountCreation } from '../accounts/account-creation';\nexport type A = AccountCreation;\n",
    ],
    [
      'accounts importing the helpdesk',
      'electron/services/accounts/x.ts',
      "export { AssistedStarts } from '../helpdesk/assisted-starts';\n",
    ],
    [
      'a room reaching the composition root',
      'electron/services/helpdesk/x.ts',
      "import { createKioskBackend } from '../kiosk-backend';\nexport const a = createKioskBackend;\n",
    ],
    [
      'a room nobody placed in the table',
      'electron/services/newroom/x.ts',
      "import { KioskError } from '../kiosk-error';\nexport const a = KioskError;\n",
    ],
  ])('fails the service layering for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).toContain('local/service-layers');
  });

  it.each([
    [
      'the renderer importing ldapts',
      'renderer/src/x.ts',
      "import { Client } from 'ldapts';\nexport const a = Client;\n",
    ],
    [
      'the renderer importing a package nobody classified',
      'renderer/src/x.ts',
      "import leftPad from 'left-pad';\nexport const a = leftPad;\n",
    ],
    [
      'shared importing react-i18next',
      'shared/contract/x.ts',
      "import { useTranslation } from 'react-i18next';\nexport const a = useTranslation;\n",
    ],
    [
      'a service importing zustand',
      'electron/services/x.ts',
      "import { create } from 'zustand';\nexport const a = create;\n",
    ],
    [
      'a scoped package nobody classified',
      'renderer/src/x.ts',
      "import { x } from '@scope/thing/deep';\nexport const a = x;\n",
    ],
  ])('fails the package classification for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).toContain('local/classified-packages');
  });

  const API = "import { useKioskApi } from '../api/api-context';\n";
  it.each([
    [
      'a component calling the API it took',
      'renderer/src/welcome/x.tsx',
      `${API}export function X() {\n  const api = useKioskApi();\n  return () => api.status();\n}\n`,
    ],
    [
      'a component calling useKioskApi() at once',
      'renderer/src/welcome/x.tsx',
      `${API}export const X = () => () => useKioskApi().status();\n`,
    ],
    [
      'a component taking a method off the API',
      'renderer/src/welcome/x.tsx',
      `${API}export function X() {\n  const { status } = useKioskApi();\n  return status;\n}\n`,
    ],
    [
      'a helper calling a KioskApi parameter',
      'renderer/src/welcome/x.ts',
      "import type { KioskApi } from '../../../shared/contract/api';\nexport const x = (api: KioskApi) => api.status();\n",
    ],
  ])('fails the renderer API rule for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).toContain('local/api-calls-in-flows');
  });

  it.each([
    [
      'a flow calling the API',
      'renderer/src/flows/x.ts',
      "import type { KioskApi } from '../../../shared/contract/api';\nexport const x = (api: KioskApi) => api.status();\n",
    ],
    [
      'a component handing the API to a flow',
      'renderer/src/welcome/x.tsx',
      `${API}import { checkStatus } from '../flows/kiosk';\nexport function X() {\n  const api = useKioskApi();\n  return () => checkStatus(api);\n}\n`,
    ],
  ])('passes the renderer API rule for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).not.toContain('local/api-calls-in-flows');
  });

  it('fails lint for ipcMain outside the IPC door', async () => {
    const ids = await ruleIds(
      'electron/main/main.ts',
      `import { ipcMain } from '${E}';\nipcMain.handle('x', () => 1);\n`,
    );
    expect(ids.filter((id) => id === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('fails lint for DOM globals in shared/', async () => {
    expect(await ruleIds('shared/contract/x.ts', 'export const a = () => window.location.href;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it.each([
    [
      'a service using Node and ldapts',
      'electron/services/x.ts',
      "import { readFileSync } from 'node:fs';\nimport { Client } from 'ldapts';\nexport const a = [readFileSync, Client];\n",
    ],
    [
      'an operator command using Node and the services',
      'electron/ops/x.ts',
      "import { existsSync } from 'node:fs';\nimport { runDoctor } from '../services/health/kiosk-doctor';\nexport const a = [existsSync, runDoctor];\n",
    ],
    [
      'the shell importing an operator command',
      'electron/main/launch.ts',
      "import { runDoctorCommand } from '../ops/doctor-command';\nexport const a = runDoctorCommand;\n",
    ],
    [
      'a shell module importing electron types',
      'electron/main/window.ts',
      `import type { BrowserWindow } from '${E}';\nexport type A = BrowserWindow;\n`,
    ],
    [
      'the composition root importing electron',
      'electron/main/main.ts',
      `import { app } from '${E}';\nexport const a = app;\n`,
    ],
    [
      'the preload using electron and shared',
      'electron/preload/x.ts',
      `import { contextBridge } from '${E}';\nimport { CHANNELS } from '../../shared/contract/channels';\nexport const a = [contextBridge, CHANNELS];\n`,
    ],
    [
      'the renderer importing shared',
      'renderer/src/x.ts',
      "import { CHANNELS } from '../../shared/contract/channels';\nexport const a = CHANNELS;\n",
    ],
    [
      'accounts importing a lower layer',
      'electron/services/accounts/x.ts',
      "import { DirectoryConnection } from '../directory/directory-connection';\nimport { KioskError } from '../kiosk-error';\nexport const a = [DirectoryConnection, KioskError];\n",
    ],
    [
      'the composition root importing every room',
      'electron/services/kiosk-backend.ts',
      "import { AssistedStarts } from './helpdesk/assisted-starts';\nexport const a = AssistedStarts;\n",
    ],
    [
      'the renderer importing classified packages',
      'renderer/src/x.ts',
      "import { useState } from 'react';\nimport { create } from 'zustand';\nexport const a = [useState, create];\n",
    ],
  ])('passes lint for %s', async (_label, file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
