// English, every string but the few in en-bilingual.json, as one resource; the strings are kept in a
// file per area of the kiosk. Imported only by i18n.ts's loadLanguage, so it is a chunk of its own.
import { oneResource, type LocaleTree } from '../locale-tree';

export default oneResource(import.meta.glob<LocaleTree>('./*.json', { eager: true, import: 'default' }));
