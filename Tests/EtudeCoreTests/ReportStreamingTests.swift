import Foundation
import Testing
@testable import EtudeCore

/// A build writes its report a slice of chapters at a time (`ReportBuilder.write`): the
/// bytes are those of the report made whole (`render()` keeps every file in memory), and a
/// template that does not put each chapter's content in as it is, once and in order, gets
/// its report made whole.
@Suite struct ReportStreamingTests {
    /// `pages` pages, some with a chart, a heading, a link and a footnote.
    static func project(pages: Int, reportTemplate: String? = nil) throws -> URL {
        var files = [
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": ChartTests.figures(40, 70),
            "content/index.md": "---\ntitle: Accueil\norder: 0\n---\nLes parties.\n",
        ]
        for index in 0..<pages {
            let chart = index % 50 == 0 ? "\n```chart\nfigure: choice\ntitle: Graphique \(index)\n```\n" : ""
            // A page of the same folder: the third after, or the folder's first.
            let next = index + 3 < pages ? index + 3 : index % 3
            files[String(format: "content/partie-%d/page-%03d.md", index % 3, index)] =
                "---\ntitle: Page \(index)\norder: \(index + 1)\n---\n## Titre \(index)\n\nVoir [une autre](page-\(String(format: "%03d", next)).html) et une note[^n].\n\(chart)\n[^n]: Note « \(index) ».\n"
        }
        if let reportTemplate { files["templates/report.mustache"] = reportTemplate }
        return try TestSupport.makeProject(files)
    }

    static func reports(of project: URL) throws -> (streamed: Bool, written: [UInt8], whole: [UInt8]) {
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("out")
        let built = try SiteBuilder(project: Project(directory: project)).build(into: out)
        let written = try Data(contentsOf: out.appendingPathComponent(ReportBuilder.outputPath))
        let whole = try #require(try SiteBuilder(project: Project(directory: project)).render().files[ReportBuilder.outputPath])
        return (built.streamedReport, Array(written), Array(whole))
    }

    @Test func aReportWrittenChapterByChapterIsTheReportMadeWhole() throws {
        TestSupport.heavyWork.lock()
        defer { TestSupport.heavyWork.unlock() }
        // More chapters than are rewritten at a time: several slices.
        let pages = ReportBuilder.chaptersAtATime + 40
        let project = try Self.project(pages: pages)
        let (streamed, written, whole) = try Self.reports(of: project)
        #expect(streamed)
        #expect(written == whole)
        #expect(String(decoding: written, as: UTF8.self).contains("Page \(pages - 1)"))
    }

    @Test func aTemplateThatRepeatsTheContentOrPutsItOutOfOrderGetsTheReportMadeWhole() throws {
        let theme = try #require(BuiltInTheme.files["report.mustache"])
        for changed in [
            theme.replacingOccurrences(of: "{{{contentHTML}}}", with: "{{{contentHTML}}}{{{contentHTML}}}"),
            theme.replacingOccurrences(of: "</body>", with: "{{#chapters}}<aside>{{{contentHTML}}}</aside>{{/chapters}}\n</body>"),
        ] {
            try #require(changed != theme)
            let (streamed, written, whole) = try Self.reports(of: try Self.project(pages: 5, reportTemplate: changed))
            #expect(!streamed)
            #expect(written == whole)
        }
    }
}
