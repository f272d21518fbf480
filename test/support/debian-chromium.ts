// Debian's Chromium as the E2E specs and the Chromium benchmarks launch it, in one place, so a
// benchmark measures the same browser, with the same flags, that the specs test.
export const DEBIAN_CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Without these, Chromium keeps trying hosts this closed network refuses.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
