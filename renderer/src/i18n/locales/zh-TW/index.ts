// Traditional Chinese, every string, as the one resource i18next is given; the strings are kept in a
// file per area of the kiosk. In the first script (i18n.ts).
import { oneResource, type LocaleTree } from '../locale-tree';

export default oneResource(import.meta.glob<LocaleTree>('./*.json', { eager: true, import: 'default' }));
