/**
 * What the chair's compilation of written contributions holds, whatever its format: the current
 * (not withdrawn) contributions grouped by what they address, the whole draft first, then each
 * section in the draft's order, and the words of its headings.
 */
import { sectionOf, type DraftSection, type ListedContribution } from "./readContributions";

/** What a compilation is made of. */
export interface ContributionsCompilation {
  title: string;
  symbol: string | null;
  sections: readonly DraftSection[];
  /** The contributions to compile; withdrawn ones are left out. */
  contributions: readonly ListedContribution[];
  exportedAt: string;
}

/** The compilation's own words (exports speak English, as the other exports do). */
export const CompilationWords = {
  title: "Compilation of written contributions",
  wholeDraft: "On the draft as a whole",
  beforeFirstSection: "Before the first section",
  none: "No written contributions.",
  original: (language: string) => `Original (${language})`,
  translation: (language: string) => `Courtesy translation (${language})`,
  dated: (date: string, versions: number, language: string) => `(${date}, version ${versions}; original: ${language})`,
} as const;

/** One group: its heading and its contributions, oldest first. */
export interface CompilationGroup {
  heading: string;
  items: ListedContribution[];
}

/** The groups of a compilation that hold any contribution. */
export function compilationGroups(compilation: ContributionsCompilation): CompilationGroup[] {
  const wholeDraft: CompilationGroup = { heading: CompilationWords.wholeDraft, items: [] };
  const bySection = new Map<DraftSection, ListedContribution[]>();
  for (const contribution of compilation.contributions) {
    if (contribution.record.withdrawnAt) continue;
    const section = sectionOf(compilation.sections, contribution.record.on.pid);
    if (!section) wholeDraft.items.push(contribution);
    else bySection.set(section, [...(bySection.get(section) ?? []), contribution]);
  }
  const groups = [wholeDraft];
  for (const section of compilation.sections) {
    const items = bySection.get(section);
    if (items) groups.push({ heading: section.title || CompilationWords.beforeFirstSection, items });
  }
  return groups.filter((group) => group.items.length > 0);
}
