import Foundation
import Testing
@testable import EtudeCore

/// `static/` copied as is, and images sized from their files.
@Suite struct StaticFileTests {
    static let images = TestSupport.fixtures.appendingPathComponent("publish/project/static/images")

    @Test(arguments: [("carte.png", 40, 30), ("photo.jpg", 16, 16), ("puce.gif", 11, 11), ("filet.svg", 120, 8)])
    func sizeIsReadFromTheFile(name: String, width: Int, height: Int) throws {
        let data = try Data(contentsOf: Self.images.appendingPathComponent(name))
        #expect(ImageSize(of: data) == ImageSize(width: width, height: height))
    }

    @Test func svgSizeFallsBackToItsViewBox() {
        let svg = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 300.5 150">"#
        #expect(ImageSize(of: Data(svg.utf8)) == ImageSize(width: 301, height: 150))
    }

    @Test(arguments: ["", "BM", "GIF89a", "\u{89}PNG", "<svg width=\"-3\" height=\"2\">", "<svg viewBox=\"0 0 1e300 2\">", "<svg>"])
    func noSizeFromOtherFiles(text: String) {
        #expect(ImageSize(of: Data(text.utf8)) == nil)
    }

    @Test func truncatedJPEGHasNoSize() {
        #expect(ImageSize(of: Data([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08])) == nil)
        #expect(ImageSize(of: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0x00, 0x00])) == nil)
    }

    /// Every file of static/ is published at the same path, dotfiles and CNAME included,
    /// and listed in the manifest as the build's own.
    @Test func staticFilesArePublishedAsTheyAre() throws {
        let project = TestSupport.fixtures.appendingPathComponent("publish/project")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        try SiteBuilder(project: Project(directory: project)).build(into: output)
        let source = try TestSupport.tree(project.appendingPathComponent("static"))
        let built = try TestSupport.tree(output)
        for (path, data) in source { #expect(built[path] == data, "\(path)") }
        let manifest = try #require(OutputManifest.paths(in: output))
        #expect(manifest.isSuperset(of: source.keys))
    }

    @Test func litterIsNotPublished() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
            "static/.DS_Store": "x", "static/.git/config": "x", "static/a.txt": "a",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        #expect(files["a.txt"] == Data("a".utf8))
        #expect(files[".DS_Store"] == nil && files[".git/config"] == nil)
    }

    /// A reference in alt text gives its plain value: an attribute cannot hold a <span>.
    @Test func referenceInAltTextIsPlainText() throws {
        let png = try Data(contentsOf: Self.images.appendingPathComponent("carte.png"))
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite, "data/figures.yaml": sampleFigures,
            "content/index.md": "---\ntitle: Essai\n---\n![Carte des {{ people }} personnes, dont {{ choice.yes }} de oui](carte.png)\n",
        ])
        try FileManager.default.createDirectory(at: project.appendingPathComponent("static"), withIntermediateDirectories: true)
        try png.write(to: project.appendingPathComponent("static/carte.png"))
        let page = try SiteBuilder(project: Project(directory: project)).render().pages[0]
        #expect(page.contentHTML.contains("<img src=\"carte.png\" alt=\"Carte des 1\u{202F}200 personnes, dont 62,5\u{202F}% de oui\" width=\"40\" height=\"30\" />"), "\(page.contentHTML)")
    }
}
