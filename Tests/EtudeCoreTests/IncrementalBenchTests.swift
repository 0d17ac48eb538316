import Foundation
import Testing
@testable import EtudeCore

/// The ratio the README states for `etude serve`: a rebuild after one change to a figure
/// of data/ ÷ a full build, on the repository's own study, in one run. A measure, not a
/// timed test: it runs only with ETUDE_BENCH_SERVE=1 (`make bench-serve`).
@Suite struct IncrementalBenchTests {
    /// Two changes: a split shown on four of the eight pages (and « Sources et méthode »),
    /// and the list of a count shown on one page.
    static let changes = [
        ("innovation 53/47 % → 54/46 %", [("value: 53", "value: 54"), ("value: 47", "value: 46")]),
        ("an item of recommendations.diversify_link", [("\"diversifier l’innovation", "\"diversifier largement l’innovation")]),
    ]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["ETUDE_BENCH_SERVE"] == "1"))
    func rebuildAfterOneDataChangeAgainstAFullBuild() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        for (name, replacements) in Self.changes {
            try measure(name, replacements)
        }
    }

    private func measure(_ name: String, _ replacements: [(String, String)]) throws {
        let project = try IncrementalBuildTests.studyCopy()
        let builder = IncrementalBuilder(project: Project(directory: project), includeDrafts: false,
                                         folder: try TestSupport.temporaryDirectory().appendingPathComponent("site"))
        _ = try builder.build()
        let figures = project.appendingPathComponent("data/figures.yaml")
        let original = try String(contentsOf: figures, encoding: .utf8)
        let changed = replacements.reduce(original) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        try #require(changed != original)
        let runs = 21
        var full: [Duration] = [], incremental: [Duration] = [], rendered: [Int] = []
        for run in 0..<runs {
            let folder = try TestSupport.temporaryDirectory().appendingPathComponent("full")
            full.append(try ContinuousClock().measure { try SiteBuilder(project: Project(directory: project)).build(into: folder) })
            // Changed, then back: each rebuild follows one change.
            try Data((run % 2 == 0 ? changed : original).utf8).write(to: figures)
            var outcome: IncrementalBuilder.Outcome?
            incremental.append(try ContinuousClock().measure { outcome = try builder.build() })
            rendered.append(outcome?.renderedPages ?? -1)
        }
        let median = { (times: [Duration]) in times.sorted()[times.count / 2] }
        let seconds = { (time: Duration) in Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18 }
        let ratio = seconds(median(incremental)) / seconds(median(full))
        // The fastest runs too: the least disturbed by other work on the machine.
        let fastest = seconds(incremental.min() ?? .zero) / seconds(full.min() ?? .seconds(1))
        print(String(format: "bench-serve: %@: full build %.1f ms, rebuild %.1f ms (%d of 8 pages rendered again); ratio %.2f (medians of %d; %.2f for the fastest runs)",
                     name, seconds(median(full)) * 1000, seconds(median(incremental)) * 1000, rendered.max() ?? 0, ratio, runs, fastest))
    }
}
