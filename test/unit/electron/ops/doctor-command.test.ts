// The doctor command's command line and configuration handling as the installed app runs it
// (its checks against real systems are in test/integration/doctor.test.ts).
import { describe, expect, it } from 'vitest';
import { runDoctorCommand } from '../../../../electron/ops/doctor-command';
import { UsageError } from '../../../../electron/ops/operator-command';
import { captured, installedHost } from './operator-host';

describe('doctor', () => {
  it('reports a configuration it cannot read as one FAIL line and exits 1', async () => {
    const { io, out } = captured();
    expect(await runDoctorCommand(['--config', '/nonexistent/config.yaml'], io, installedHost())).toBe(1);
    expect(out).toEqual([
      'FAIL  config  /nonexistent/config.yaml: cannot read configuration file /nonexistent/config.yaml',
      'doctor: 1 check(s) failed',
    ]);
  });

  it('finds the configuration through KIOSK_CONFIG without --config', async () => {
    const { io, out } = captured();
    expect(await runDoctorCommand([], io, installedHost({ KIOSK_CONFIG: '/nonexistent/from-env.yaml' }))).toBe(1);
    expect(out[0]).toMatch(/^FAIL {2}config {2}\/nonexistent\/from-env\.yaml: /);
  });

  it('has no --demo where the demo systems are not installed', async () => {
    await expect(runDoctorCommand(['--demo'], captured().io, installedHost())).rejects.toThrow(/needs a checkout/);
  });

  it.each([[['--bogus']], [['--config']], [['extra']]])('refuses the command line %j', async (argv) => {
    await expect(runDoctorCommand(argv, captured().io, installedHost())).rejects.toBeInstanceOf(UsageError);
  });
});
