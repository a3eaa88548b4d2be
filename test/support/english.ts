/**
 * Installs the English catalog, compiled from its source as the build does, for tests of client
 * code that reads `t()`: import this module first.
 */
import { compileCatalog, readCatalog } from "../../tools/catalogs.cjs";
import { installCatalog } from "../../client/i18n/localize";

installCatalog("en", compileCatalog("en", readCatalog("en")));
