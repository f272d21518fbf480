// The browser host brings the page back from AIS as /?handoff=ok or /?handoff=<code>; this reads
// that outcome once and takes it out of the address bar.
export function takeHandoffReturn(win: Pick<Window, 'location' | 'history'> = window): string | null {
  const params = new URLSearchParams(win.location.search);
  const outcome = params.get('handoff');
  if (outcome !== null) win.history.replaceState(null, '', win.location.pathname);
  return outcome;
}
