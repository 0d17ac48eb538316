import Foundation
import Testing
@testable import EtudeCore

/// One fixture per user error: `Fixtures/errors/<name>/project` must fail with the exact
/// message of `expected-error.txt`, and leave an existing output folder byte for byte.
@Suite struct DataErrorTests {
    static let cases: [String] = {
        let folder = TestSupport.fixtures.appendingPathComponent("errors")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test func thereAreErrorFixtures() {
        #expect(Self.cases.count >= 18)
    }

    @Test(arguments: cases)
    func fixtureFailsWithItsMessage(name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent("errors/\(name)")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected-error.txt"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let output = try TestSupport.previousBuild(["index.html": "previous build\n"], named: "output")
        let before = try TestSupport.tree(output)
        let builder = SiteBuilder(project: Project(directory: folder.appendingPathComponent("project")))
        let error = #expect(throws: BuildFailure.self) { try builder.build(into: output) }
        #expect(error?.description == expected)
        #expect(try TestSupport.tree(output) == before)
    }
}
