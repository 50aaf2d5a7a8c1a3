/** Registers the licence screens' strings (imported first by licence-views.ts, before any element). */
import { addLazyCatalog } from '../../i18n';
import { licenceScreensCatalog } from '../../i18n/catalog/licence-screens';

addLazyCatalog(licenceScreensCatalog);
