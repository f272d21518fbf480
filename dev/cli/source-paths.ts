// Paths into the source checkout that the dev tools and tests share.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled policy summaries, in the source tree (the build copies them into out/renderer). */
export const SOURCE_POLICIES_DIR = join(PROJECT_ROOT, 'renderer', 'public', 'policies');
