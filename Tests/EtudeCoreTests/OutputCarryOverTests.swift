import Foundation
import Testing
@testable import EtudeCore

/// A rebuild replaces only what Étude wrote: dotfiles, `CNAME`, files the user put in the
/// output survive, and the PDF of the report survives while the report is unchanged.
@Suite(.serialized) struct OutputCarryOverTests {
    static let golden = TestSupport.fixtures.appendingPathComponent("golden/project")
    static var builder: SiteBuilder { SiteBuilder(project: Project(directory: golden)) }

    static func manifest(_ output: URL) throws -> [String] {
        try String(contentsOf: output.appendingPathComponent(OutputManifest.fileName), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func ghPagesCheckoutSurvivesRebuilds() throws {
        let root = try TestSupport.makeProject([
            "site/.git/HEAD": "ref: refs/heads/gh-pages\n", "site/.git/objects/ab/cdef": "objet",
            "site/.nojekyll": "", "site/CNAME": "etude.example.org\n",
        ])
        let output = root.appendingPathComponent("site")
        let kept = try TestSupport.tree(output)
        try Self.builder.build(into: output)
        let first = try TestSupport.tree(output)
        try Self.builder.build(into: output)
        let second = try TestSupport.tree(output)
        #expect(second == first, "two rebuilds are byte-identical")
        for (path, data) in kept { #expect(second[path] == data, "\(path) survives") }
        #expect(second["index.html"] != nil)
        #expect(!(try Self.manifest(output)).contains { $0.hasPrefix(".git") || $0 == "CNAME" || $0 == ".nojekyll" })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"], "no temporary folder left")
    }

    @Test func userFilesInAnEtudeOutputSurviveAndStaleOwnFilesGo() throws {
        let output = try TestSupport.previousBuild(["ancienne-page.html": "page d'une version précédente", "guide/ancienne.html": "idem"])
        try Data("perso".utf8).write(to: output.appendingPathComponent("perso.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("guide/images"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: output.appendingPathComponent("guide/images/photo.png"))
        try Data("note".utf8).write(to: output.appendingPathComponent("assets/note.txt").creatingParent())
        try Self.builder.build(into: output)
        let tree = try TestSupport.tree(output)
        #expect(tree["perso.html"] == Data("perso".utf8))
        #expect(tree["guide/images/photo.png"] == Data("png".utf8))
        #expect(tree["assets/note.txt"] == Data("note".utf8))
        #expect(tree["ancienne-page.html"] == nil && tree["guide/ancienne.html"] == nil, "what Étude wrote and no longer writes goes")
        #expect(tree["guide/une-page.html"] != nil && tree["assets/style.css"] != nil)
        #expect(!(try Self.manifest(output)).contains("perso.html"))
    }

    @Test func foreignFileWhereTheBuildWritesOneStopsItAndNothingMoves() throws {
        let output = try TestSupport.previousBuild(["ancienne-page.html": "ancienne"])
        for (path, text) in [".git/HEAD": "ref", "a-moi.txt": "à moi", "index.html": "ma page", "guide/une-page.html": "la mienne"] {
            try Data(text.utf8).write(to: output.appendingPathComponent(path).creatingParent())
        }
        let before = try TestSupport.tree(output)
        let error = #expect(throws: BuildFailure.self) { try Self.builder.build(into: output) }
        let reason = "which Étude did not write (.etude-manifest does not list it); move it out of the output folder, or add --force to let the build replace it"
        #expect(error?.description == """
            \(output.path)/guide/une-page.html: error: the build writes this file, \(reason)
            \(output.path)/index.html: error: the build writes this file, \(reason)
            """)
        #expect(try TestSupport.tree(output) == before, "files carried before the collision are back")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["out"])

        try Self.builder.build(into: output, force: true)
        let tree = try TestSupport.tree(output)
        #expect(tree["index.html"] != Data("ma page".utf8) && tree["a-moi.txt"] == Data("à moi".utf8) && tree[".git/HEAD"] == Data("ref".utf8))
    }

    @Test func keepRuleAndEtudesOwnDotfilesSurviveAlthoughNoLongerWritten() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.copyItem(at: Self.golden, to: project)
        let site = project.appendingPathComponent("data/site.yaml")
        try (try String(contentsOf: site, encoding: .utf8) + "keep:\n  - ancien\n  - \"*.pdf\"\n").write(to: site, atomically: true, encoding: .utf8)
        let output = try TestSupport.previousBuild([
            "ancien/page.html": "page retirée du site", "ancien/sous/page.html": "idem", "vieux.html": "vieux",
            ".nojekyll": "", "guide/notice.pdf": "pas au premier niveau",
        ])
        try SiteBuilder(project: Project(directory: project)).build(into: output)
        let tree = try TestSupport.tree(output)
        #expect(tree["ancien/page.html"] == Data("page retirée du site".utf8) && tree["ancien/sous/page.html"] != nil)
        #expect(tree[".nojekyll"] == Data())
        #expect(tree["vieux.html"] == nil && tree["guide/notice.pdf"] == nil, "'*' matches within one folder name")
        #expect(try Self.manifest(output).contains("ancien/page.html"), "still Étude's: dropped once the rule goes")
    }

    /// `etude pdf` is faked by the `finish` step writing the PDF into the staged output.
    @Test func pdfKeptWhileTheReportIsUnchangedAndRemovedOnceItChanges() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.copyItem(at: Self.golden, to: project)
        let builder = SiteBuilder(project: Project(directory: project))
        let output = project.deletingLastPathComponent().appendingPathComponent("out")
        let pdf = Data("%PDF-1.4 faux".utf8)
        try builder.build(into: output) { try pdf.write(to: $0.appendingPathComponent(ReportPrinter.pdfPath)) }
        #expect(try Self.manifest(output).contains("rapport.pdf"))

        let unchanged = try builder.build(into: output)
        #expect(unchanged.removedStale == [])
        #expect(try Data(contentsOf: output.appendingPathComponent("rapport.pdf")) == pdf)
        #expect(try Self.manifest(output).contains("rapport.pdf"), "still Étude's, so a changed report removes it later")

        let page = project.appendingPathComponent("content/guide/page.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nUne phrase de plus.\n").write(to: page, atomically: true, encoding: .utf8)
        let changed = try builder.build(into: output)
        #expect(changed.removedStale == ["rapport.pdf"])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("rapport.pdf").path))
        #expect(!(try Self.manifest(output)).contains("rapport.pdf"))
    }

    /// The whole path end to end: `etude pdf` with a fake Chromium, then `etude build`.
    @Test func buildSummarySaysWhenItRemovesAStalePDF() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.copyItem(at: Self.golden, to: project)
        let fake = try TestSupport.makeProject(["chromium": """
            #!/bin/sh
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 faux' > "${a#--print-to-pdf=}";; esac; done

            """]).appendingPathComponent("chromium")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let output = project.appendingPathComponent("output").path
        let printed = try TestSupport.runEtude(["pdf", "--project", project.path, "--chromium", fake.path])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(try Self.manifest(URL(fileURLWithPath: output)).contains("rapport.pdf"))

        let same = try TestSupport.runEtude(["build", "--project", project.path])
        #expect(same.stdout.wholeMatch(of: /Built 3 pages in \d+ ms\n/) != nil, "\(same.stdout)")
        #expect(FileManager.default.fileExists(atPath: output + "/rapport.pdf"))

        let page = project.appendingPathComponent("content/index.md")
        try (try String(contentsOf: page, encoding: .utf8) + "\nUne phrase de plus.\n").write(to: page, atomically: true, encoding: .utf8)
        let changed = try TestSupport.runEtude(["build", "--project", project.path])
        #expect(changed.status == 0)
        #expect(changed.stdout.wholeMatch(of: /Built 3 pages in \d+ ms; removed rapport\.pdf, stale since the report changed \(run etude pdf to print it again\)\n/) != nil, "\(changed.stdout)")
        #expect(!FileManager.default.fileExists(atPath: output + "/rapport.pdf"))
    }

    @Test func symlinkedOutputKeepsItsLink() throws {
        let root = try TestSupport.temporaryDirectory()
        let real = root.appendingPathComponent("reel")
        let link = root.appendingPathComponent("lien")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try Self.builder.build(into: link)
        try Self.builder.build(into: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["lien", "reel"])
    }

    /// The folders found once answer as asking every file whether it lies under the folder.
    @Test func previousFoldersAreThoseHoldingFiles() {
        let files: Set<String> = ["index.html", "a/b/c.html", "a/d.csv", "caf\u{E9}/x.html", "cafe\u{301}/y.html", "e/\u{301}f.html", "g//h"]
        let carry = OutputCarryOver(previous: URL(fileURLWithPath: "/p"), staging: URL(fileURLWithPath: "/s"), previousFiles: files, keep: [], force: false, shownAs: "output")
        for candidate in ["a", "a/b", "b", "café", "cafe\u{301}", "e", "g", "g/", "index.html", "a/b/c.html", ""] {
            #expect(carry.previousFolders.contains(candidate) == files.contains { $0.hasPrefix(candidate + "/") }, "\(candidate)")
        }
    }
}

extension URL {
    /// The same URL, once its parent folder exists.
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
