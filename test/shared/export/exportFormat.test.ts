/** The file an export makes: named after the draft's symbol, safely for any file system. */
import { ExportFormat, exportFileName } from "../../../shared/export/exportFormat";

describe("an export's file name", () => {
  it("is the draft's symbol with its slashes made safe, then the view", () => {
    expect(exportFileName("A/AC.292/2025/CRP.1", "abc", "bracketed", ExportFormat.docx)).toBe("A_AC.292_2025_CRP.1-bracketed.docx");
    expect(exportFileName("A/AC.292/2025/CRP.1", "abc", "clean", ExportFormat.akn)).toBe("A_AC.292_2025_CRP.1-clean.akn.xml");
  });

  it("is the draft's id when the symbol is missing or holds nothing a file name can keep", () => {
    expect(exportFileName(null, "0123abcd", "clean", ExportFormat.pdf)).toBe("0123abcd-clean.pdf");
    expect(exportFileName("///", "0123abcd", "clean", ExportFormat.pdf)).toBe("0123abcd-clean.pdf");
    expect(exportFileName("../../etc/passwd", "0123abcd", "clean", ExportFormat.text)).toBe("etc_passwd-clean.txt");
  });

  it("keeps letters of any script", () => {
    expect(exportFileName("ألف/٢٠٢٥", "x", "clean", ExportFormat.html)).toBe("ألف_٢٠٢٥-clean.html");
  });
});
