// The main process's argument parsing, for every layout Electron starts the app in.
import { describe, expect, it } from 'vitest';
import { parseLaunch, userArguments } from '../../../../electron/main/command-line';

const PACKAGED = '/opt/mx-kiosk/mx-kiosk';
const ELECTRON = '/work/node_modules/electron/dist/electron';

describe('userArguments', () => {
  it('drops only the binary when packaged, and the binary and the app path in development', () => {
    expect(userArguments([PACKAGED, '--doctor'], false)).toEqual(['--doctor']);
    expect(userArguments([ELECTRON, '/work/mx-kiosk', '--doctor'], true)).toEqual(['--doctor']);
  });
});

describe('parseLaunch', () => {
  it('reads `mx-kiosk --doctor --config F` as the doctor with its --config, in both layouts', () => {
    const doctor = { mode: 'operator', flag: '--doctor', args: ['--config', '/etc/mx-kiosk/config.yaml'] };
    expect(parseLaunch([PACKAGED, '--doctor', '--config', '/etc/mx-kiosk/config.yaml'], false)).toEqual(doctor);
    expect(parseLaunch([ELECTRON, '.', '--doctor', '--config', '/etc/mx-kiosk/config.yaml'], true)).toEqual(doctor);
  });

  it('reads audit and AIS verification with their arguments', () => {
    expect(parseLaunch([PACKAGED, '--audit-verify', 'a.jsonl', 'b.jsonl'], false)).toEqual({
      mode: 'operator',
      flag: '--audit-verify',
      args: ['a.jsonl', 'b.jsonl'],
    });
    expect(parseLaunch([PACKAGED, '--ais-verify', '--data', '01ab', '--ip', '192.0.2.1'], false)).toEqual({
      mode: 'operator',
      flag: '--ais-verify',
      args: ['--data', '01ab', '--ip', '192.0.2.1'],
    });
  });

  it('leaves switches before the command flag to Electron, so they cannot open the kiosk instead', () => {
    expect(parseLaunch([PACKAGED, '--no-sandbox', '--doctor'], false)).toEqual({
      mode: 'operator',
      flag: '--doctor',
      args: [],
    });
  });

  it('starts the kiosk otherwise, including with --config', () => {
    expect(parseLaunch([PACKAGED], false)).toEqual({ mode: 'kiosk' });
    expect(parseLaunch([PACKAGED, '--config', '/etc/mx-kiosk/config.yaml'], false)).toEqual({ mode: 'kiosk' });
    expect(parseLaunch([ELECTRON, '/work/mx-kiosk', '--config', 'c.yaml'], true)).toEqual({ mode: 'kiosk' });
  });
});
