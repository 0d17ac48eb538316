import Foundation
import Testing
@testable import EtudeCore

/// The ratio the README states for `etude serve`: a rebuild after one change to a figure
/// of data/ ÷ a full build, on the repository's own study, in one run. A measure, not a
/// timed test: it runs only with ETUDE_BENCH_SERVE=1 (`make bench-serve`).
@Suite struct IncrementalBenchTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ETUDE_BENCH_SERVE"] == "1"))
    func rebuildAfterOneDataChangeAgainstAFullBuild() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        let project = try IncrementalBuildTests.studyCopy()
        let builder = IncrementalBuilder(project: Project(directory: project), includeDrafts: false,
                                         folder: try TestSupport.temporaryDirectory().appendingPathComponent("site"))
        _ = try builder.build()
        let figures = project.appendingPathComponent("data/figures.yaml")
        let original = try String(contentsOf: figures, encoding: .utf8)
        let runs = 9
        var full: [Duration] = [], incremental: [Duration] = [], rendered: [Int] = []
        for run in 0..<runs {
            let folder = try TestSupport.temporaryDirectory().appendingPathComponent("full")
            full.append(try ContinuousClock().measure { try SiteBuilder(project: Project(directory: project)).build(into: folder) })
            // One figure, each time another value: 53 % and 47 % become 54 % and 46 %, and back.
            let text = run % 2 == 0 ? original.replacingOccurrences(of: "value: 53", with: "value: 54").replacingOccurrences(of: "value: 47", with: "value: 46") : original
            try Data(text.utf8).write(to: figures)
            var outcome: IncrementalBuilder.Outcome?
            incremental.append(try ContinuousClock().measure { outcome = try builder.build() })
            rendered.append(outcome?.renderedPages ?? -1)
        }
        let median = { (times: [Duration]) in times.sorted()[times.count / 2] }
        let ratio = Double(median(incremental).components.attoseconds + median(incremental).components.seconds * 1_000_000_000_000_000_000)
            / Double(median(full).components.attoseconds + median(full).components.seconds * 1_000_000_000_000_000_000)
        print("bench-serve: full build \(median(full)), rebuild after one data change \(median(incremental)) "
              + "(\(rendered.max() ?? 0) of 8 pages rendered again); ratio \(String(format: "%.2f", ratio)) (medians of \(runs))")
    }
}
