// Paths into the source checkout that the dev tools and tests share.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled policy summaries, in the source tree (the build copies them into out/renderer). */
export const SOURCE_POLICIES_DIR = join(PROJECT_ROOT, 'renderer', 'public', 'policies');
/** The breached-password filter `npm run build` makes beside main's bundle. */
export const BUILT_BREACHED_FILTER = join(PROJECT_ROOT, 'out', 'main', 'breached-passwords.mxbf');
