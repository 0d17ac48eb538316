import Foundation
import Testing
@testable import EtudeCore

/// The theme is compiled into `etude`, so the binary works wherever it is copied.
@Suite(.serialized) struct InstallableBinaryTests {
    static let themeFolder = TestSupport.repositoryRoot.appendingPathComponent("Sources/EtudeCore/Resources/theme")

    /// Fails when the theme's files changed and `make theme` was not run.
    @Test func embeddedThemeMatchesTheThemeFiles() throws {
        let onDisk = try TestSupport.tree(Self.themeFolder).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(onDisk.keys.sorted() == BuiltInTheme.files.keys.sorted(), "run `make theme`: the theme's files changed")
        for (path, data) in onDisk.sorted(by: { $0.key < $1.key }) where BuiltInTheme.files[path].map({ Data($0.utf8) }) != data {
            Issue.record("\(path) changed since Sources/EtudeCore/Site/BuiltInTheme+Files.swift was generated; run `make theme`")
        }
    }

    /// Copied alone into an empty folder, far from `.build` and its resource bundles, the
    /// binary builds the same site as the library does.
    @Test func relocatedBinaryBuildsTheSameSite() throws {
        let bin = try TestSupport.temporaryDirectory().appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let relocated = bin.appendingPathComponent("etude")
        try FileManager.default.copyItem(at: TestSupport.etudeBinary, to: relocated)
        let project = TestSupport.fixtures.appendingPathComponent("golden/project")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let result = try TestSupport.run(relocated, ["build", "--project", project.path, "--output", output.path], in: bin)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let normal = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        try SiteBuilder(project: Project(directory: project)).build(into: normal)
        #expect(try TestSupport.tree(output) == TestSupport.tree(normal))
    }
}
