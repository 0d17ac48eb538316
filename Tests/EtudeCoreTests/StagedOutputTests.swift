import Foundation
import Testing
@testable import EtudeCore

/// A build writes each page into its staged folder as soon as it is made, instead of
/// holding the whole site in memory: the output is the same, and a build that fails after
/// pages were written leaves the output, and the folder around it, as they were.
@Suite struct StagedOutputTests {
    static func project(linking target: String) throws -> URL {
        var files = ["data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "figures: {}\n",
                     "content/index.md": "---\ntitle: Accueil\norder: 0\n---\nVoir [la première page](page1.html).\n"]
        for index in 1...12 {
            files["content/page\(index).md"] = "---\ntitle: Page \(index)\norder: \(index)\n---\nTexte, voir [la suite](\(index == 12 ? target : "page\(index + 1).html")).\n"
        }
        return try TestSupport.makeProject(files)
    }

    @Test func theBuiltFolderHoldsWhatRenderingInMemoryGives() throws {
        let builder = SiteBuilder(project: Project(directory: try Self.project(linking: "page1.html")))
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("site")
        let built = try builder.build(into: output)
        let inMemory = try builder.render().files
        #expect(built.files["page1.html"] == nil, "the pages were written as they came, not kept")
        var tree = try TestSupport.tree(output)
        tree[OutputManifest.fileName] = nil
        #expect(tree == inMemory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
    }

    @Test func aBuildFailingAfterPagesWereWrittenLeavesTheOutputAsItWas() throws {
        let output = try TestSupport.previousBuild(["index.html": "avant"], named: "site")
        let builder = SiteBuilder(project: Project(directory: try Self.project(linking: "nulle-part.html")))
        let error = #expect(throws: BuildFailure.self) { try builder.build(into: output) }
        #expect(error?.description.contains("content/page12.md:5:") == true, "\(String(describing: error))")
        #expect(try TestSupport.tree(output)["index.html"] == Data("avant".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
    }
}
