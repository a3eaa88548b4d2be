/** Types of tools/catalogs.cjs, for the tests that read or compile the catalogs. */
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export declare const CATALOGS_DIR: string;
export declare const PSEUDO_LANGUAGE: string;
export declare function catalogLanguages(): string[];
export declare function readCatalog(language: string): Record<string, string>;
export declare function compileCatalog(language: string, messages: Record<string, string>): Record<string, MessageFormatElement[]>;
export declare function pseudoCatalog(englishCompiled: Record<string, MessageFormatElement[]>): Record<string, MessageFormatElement[]>;
export declare function compileAllCatalogs(): Record<string, Record<string, MessageFormatElement[]>>;
