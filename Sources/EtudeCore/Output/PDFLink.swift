import Foundation

/// Whether `rapport.pdf`, printed by an earlier `etude pdf`, will still be in the output
/// after this build, so that the pages can link to it: the same test `OutputWriter` uses
/// to keep it (the new `rapport.html` is byte-identical to the one it was printed from),
/// or a `keep:` pattern that keeps it.
enum PDFLink {
    /// `report`: the new report's bytes when they are in memory, else `stagedReport`, where the build wrote it.
    static func survives(in target: OutputGuard.Target, report: Data?, stagedReport: URL?, keep: OutputKeepRule) -> Bool {
        let pdf = ReportPrinter.pdfPath
        guard target.previousFiles.contains(pdf),
              FileManager.default.fileExists(atPath: target.folder.appendingPathComponent(pdf).path) else { return false }
        if keep.keeps(pdf) { return true }
        let previous = target.folder.appendingPathComponent(ReportBuilder.outputPath).path
        if let report { return SameBytes.data(report, file: previous) }
        return stagedReport.map { SameBytes.files($0.path, previous) } ?? false
    }
}
