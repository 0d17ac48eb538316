import Foundation
import Testing
@testable import EtudeCore

/// Whole output trees compared with recorded ones: a missing, extra or changed file fails.
/// Re-record on purpose with `ETUDE_RECORD=1 swift test`.
@Suite struct GoldenTests {
    static let record = ProcessInfo.processInfo.environment["ETUDE_RECORD"] == "1"

    @Test(arguments: ["golden", "survey", "publish", "english", "german"])
    func fixtureProjectMatchesItsRecordedOutput(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent(name)
        try compare(project: folder.appendingPathComponent("project"), expected: folder.appendingPathComponent("expected"))
    }

    /// The study itself: the whole site and report the repository's default project builds.
    @Test func defaultProjectMatchesItsRecordedOutput() throws {
        try compare(project: TestSupport.repositoryRoot, expected: TestSupport.fixtures.appendingPathComponent("default-expected"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let project = Project(directory: TestSupport.fixtures.appendingPathComponent("golden/project"))
        let first = try SiteBuilder(project: project).render().files
        let second = try SiteBuilder(project: project).render().files
        #expect(first == second)
    }

    func compare(project: URL, expected: URL) throws {
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("output")
        try SiteBuilder(project: Project(directory: project)).build(into: output)
        if Self.record {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.copyItem(at: output, to: expected)
        }
        let actual = try TestSupport.tree(output)
        let recorded = try TestSupport.tree(expected)
        #expect(actual.keys.sorted() == recorded.keys.sorted(), "missing or extra files")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) where recorded[path] != data {
            Issue.record("\(path) differs from the recorded one; re-record with ETUDE_RECORD=1 if the change is intended")
        }
    }
}
