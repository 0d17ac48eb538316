import Foundation
import Testing
@testable import EtudeCore

/// Files of the project as they are found on disk: links that leave the project, links to
/// nothing, folders where files are expected, Windows line endings. Each needs a real file
/// system, so they are made here rather than as fixtures in git.
@Suite struct ProjectFileTests {
    static let page = "---\ntitle: Essai\n---\n\nUne page.\n"

    static func project(_ extra: [String: String] = [:]) throws -> URL {
        var files = ["data/site.yaml": TestSupport.minimalSite, "content/index.md": page]
        files.merge(extra) { _, new in new }
        return try TestSupport.makeProject(files)
    }

    static func failure(_ project: URL) throws -> String {
        let error = #expect(throws: BuildFailure.self) { try SiteBuilder(project: Project(directory: project)).render() }
        return error?.description ?? ""
    }

    /// A secret outside the project, which no link may publish.
    static func secret() throws -> URL {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("secret.txt")
        try Data("mot de passe\n".utf8).write(to: url)
        return url
    }

    @Test func pageLinkedOutsideTheProjectIsRefused() throws {
        let project = try Self.project()
        let secret = try Self.secret()
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("content/x.md"), withDestinationURL: secret)
        #expect(try Self.failure(project) == "content/x.md: error: this file resolves to \(secret.path), outside the project folder; Étude reads only files inside the project: copy the file into it instead of linking to it")
    }

    @Test func assetLinkedOutsideTheProjectIsNeverPublished() throws {
        let project = try Self.project(["templates/assets/ok.css": "p {}\n"])
        let secret = try Self.secret()
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("templates/assets/p.txt"), withDestinationURL: secret)
        #expect(try Self.failure(project) == "templates/assets/p.txt: error: this file resolves to \(secret.path), outside the project folder; Étude reads only files inside the project: copy the file into it instead of linking to it")
    }

    @Test func answersExportLinkedOutsideTheProjectIsRefused() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("answers")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("answers/project"), to: project)
        let export = project.appendingPathComponent("data/exports/reponses-2025.csv")
        let secret = try Self.secret()
        try FileManager.default.removeItem(at: export)
        try FileManager.default.createSymbolicLink(at: export, withDestinationURL: secret)
        #expect(try Self.failure(project) == "data/exports/reponses-2025.csv: error: this file resolves to \(secret.path), outside the project folder; Étude reads only files inside the project: copy the file into it instead of linking to it")
    }

    @Test func linkInsideTheProjectIsFollowed() throws {
        let project = try Self.project(["shared/note.css": "p { color: red }\n"])
        try FileManager.default.createDirectory(at: project.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("templates/assets/note.css").path, withDestinationPath: "../../shared/note.css")
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        #expect(files["assets/note.css"] == Data("p { color: red }\n".utf8))
    }

    @Test func danglingLinkIsNamedInPlainWords() throws {
        let project = try Self.project()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("templates/assets/logo.svg").path, withDestinationPath: "missing-logo.svg")
        #expect(try Self.failure(project) == "templates/assets/logo.svg: error: this is a link to missing-logo.svg, which does not exist; fix or remove the link")
    }

    @Test func danglingDataFileIsReportedNotIgnored() throws {
        let project = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("data/figures.yaml").path, withDestinationPath: "old-figures.yaml")
        #expect(try Self.failure(project) == "data/figures.yaml: error: this is a link to old-figures.yaml, which does not exist; fix or remove the link")
    }

    @Test func folderWhereAFileIsExpected() throws {
        let project = try Self.project()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("data/figures.yaml"), withIntermediateDirectories: true)
        #expect(try Self.failure(project) == "data/figures.yaml: error: this is a folder where a file is expected; rename or remove it")
    }

    @Test func unreadableFileIsSaidInPlainWords() throws {
        guard getuid() != 0 else { return }  // root reads everything: nothing to check
        let project = try Self.project()
        let url = project.appendingPathComponent("content/index.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        #expect(try Self.failure(project) == "content/index.md: error: cannot read the file: permission denied; check its permissions")
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreRead() throws {
        let crlf = { (text: String) in "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") }
        let project = try TestSupport.makeProject([
            "data/site.yaml": crlf(TestSupport.minimalSite),
            "data/figures.yaml": crlf(sampleFigures),
            "content/index.md": crlf("---\ntitle: Essai\norder: 1\n---\n\n# Titre\n\n{{ people }} personnes.\n"),
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        let html = result.pages[0].contentHTML
        #expect(html.contains("1\u{202F}200</span> personnes."))
        #expect(!html.contains("\r"))
        #expect(result.pages[0].page.frontMatter.order == 1)
    }
}
