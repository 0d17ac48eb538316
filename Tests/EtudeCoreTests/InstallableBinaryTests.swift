import Foundation
import Testing
@testable import EtudeCore

/// The theme is compiled into `etude`, so the binary works wherever it is copied.
@Suite(.serialized) struct InstallableBinaryTests {
    /// Fails when the theme's or the starter project's files changed and `make theme` was not run.
    @Test(arguments: [("theme", BuiltInTheme.files), ("starter", StarterProject.files), ("starter-en", StarterProject.englishFiles)])
    func embeddedFilesMatchTheirSources(folder: String, embedded: [String: String]) throws {
        let source = TestSupport.repositoryRoot.appendingPathComponent("Sources/EtudeCore/Resources/" + folder)
        let onDisk = try TestSupport.tree(source).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(onDisk.keys.sorted() == embedded.keys.sorted(), "run `make theme`: files were added or removed in Resources/\(folder)")
        for (path, data) in onDisk.sorted(by: { $0.key < $1.key }) where embedded[path].map({ Data($0.utf8) }) != data {
            Issue.record("Resources/\(folder)/\(path) changed since its Swift file was generated; run `make theme`")
        }
    }

    /// Copied alone into an empty folder, far from `.build` and its resource bundles, the
    /// binary builds the same site as the library does.
    @Test func relocatedBinaryBuildsTheSameSite() throws {
        let bin = try TestSupport.temporaryDirectory().appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let relocated = bin.appendingPathComponent("etude")
        try FileManager.default.copyItem(at: TestSupport.etudeBinary, to: relocated)
        let project = TestSupport.fixtures.appendingPathComponent("publish/project")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let result = try TestSupport.run(relocated, ["build", "--project", project.path, "--output", output.path], in: bin)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let normal = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        try SiteBuilder(project: Project(directory: project)).build(into: normal)
        #expect(try TestSupport.tree(output) == TestSupport.tree(normal))
    }
}
