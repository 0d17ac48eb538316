import Foundation
import Testing
@testable import EtudeCore

/// `etude serve` rebuilds only what a change reaches (`IncrementalBuilder`): after every
/// edit of a series, its folder holds byte for byte what a fresh full build writes.
@Suite struct IncrementalBuildTests {
    /// A copy of the repository's own study: content/, data/, templates/.
    static func studyCopy() throws -> URL {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("etude")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for folder in ["content", "data", "templates"] {
            try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(folder),
                                             to: project.appendingPathComponent(folder))
        }
        return project
    }

    /// One project edited step by step, rebuilt incrementally and from scratch after each step.
    private struct Session {
        let project: URL
        let builder: IncrementalBuilder

        init() throws {
            project = try IncrementalBuildTests.studyCopy()
            builder = IncrementalBuilder(project: Project(directory: project), includeDrafts: false,
                                         folder: try TestSupport.temporaryDirectory().appendingPathComponent("site"))
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = project.appendingPathComponent(path)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let changed = change(text)
            #expect(!changed.utf8.elementsEqual(text.utf8), "the edit of \(path) changes it")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(changed.utf8).write(to: url)
        }

        /// Rebuilds, checks the folder against a fresh full build, returns the pages rendered again.
        @discardableResult
        func rebuildMatchesFullBuild(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
            try rebuild(step, sourceLocation: sourceLocation).renderedPages
        }

        /// Rebuilds, checks the folder and the warnings against a fresh full build.
        func rebuild(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> IncrementalBuilder.Outcome {
            let outcome = try builder.build()
            // The files it replaced are removed on another core: the folder holds only the site once that is done.
            builder.finishWriting()
            let fresh = try TestSupport.temporaryDirectory().appendingPathComponent("full")
            let full = try SiteBuilder(project: Project(directory: project)).build(into: fresh)
            #expect(outcome.result.warnings == full.warnings, "\(step): the same warnings", sourceLocation: sourceLocation)
            let expected = try TestSupport.tree(fresh)
            let actual = try TestSupport.tree(builder.folder)
            #expect(actual.keys.sorted() == expected.keys.sorted(), "\(step): the same files", sourceLocation: sourceLocation)
            for (path, data) in expected where actual[path] != data {
                Issue.record("\(step): \(path) differs from a full build", sourceLocation: sourceLocation)
            }
            return outcome
        }

        /// Rebuilds, expecting it to fail with the problems a fresh full build reports; returns them.
        func failure(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let full = try TestSupport.temporaryDirectory().appendingPathComponent("full")
            let expected = #expect(throws: BuildFailure.self, "\(step): a full build fails", sourceLocation: sourceLocation) {
                try SiteBuilder(project: Project(directory: project)).build(into: full)
            }
            let actual = #expect(throws: BuildFailure.self, "\(step): the rebuild fails", sourceLocation: sourceLocation) { try builder.build() }
            #expect(actual?.description == expected?.description, "\(step): the same problems", sourceLocation: sourceLocation)
            return actual?.description ?? ""
        }
    }

    @Test func everyRebuildOfASeriesOfEditsEqualsAFullBuild() throws {
        let session = try Session()
        let pages = try session.rebuildMatchesFullBuild("first build")
        #expect(pages == 8)
        #expect(try session.rebuildMatchesFullBuild("nothing changed") == 0)

        try session.edit("content/preconisations.md") { $0 + "\nUne phrase de plus.\n" }
        #expect(try session.rebuildMatchesFullBuild("a page's text") == 1)

        // A share shown on some pages only: the others are reused.
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 53", with: "value: 54")
            .replacingOccurrences(of: "value: 47", with: "value: 46") }
        let afterFigure = try session.rebuildMatchesFullBuild("a figure in data/")
        #expect(afterFigure > 0 && afterFigure < pages)

        // A number typed in prose, then a figure changed to its value: now it is reported,
        // though the page names no figure that changed; changed back, it is not.
        try session.edit("content/a-propos.md") { $0 + "\nUn chiffre tapé : 91 %.\n" }
        let typed = { (outcome: IncrementalBuilder.Outcome) in outcome.result.warnings.filter { $0.message.hasPrefix("'91 %' is typed by hand and equals") } }
        #expect(try typed(session.rebuild("a number typed in prose")).isEmpty)
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 54", with: "value: 91")
            .replacingOccurrences(of: "value: 46", with: "value: 9") }
        #expect(try typed(session.rebuild("a figure changed to the typed number")).count == 1)
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 91", with: "value: 54")
            .replacingOccurrences(of: "value: 9", with: "value: 46") }
        #expect(try typed(session.rebuild("the figure changed back")).isEmpty)

        // The base of every share: most pages change.
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 311", with: "value: 312") }
        try session.rebuildMatchesFullBuild("the number of respondents")

        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "label: \"Nombre de répondants\"", with: "label: \"Répondants\"") }
        try session.rebuildMatchesFullBuild("a figure's label")

        try session.edit("templates/partials/footer.mustache") { $0.replacingOccurrences(of: "Généré avec", with: "Fait avec") }
        #expect(try session.rebuildMatchesFullBuild("a template") == 0, "a template change lays pages out again, without rendering their Markdown")

        try session.edit("content/nouvelle.md") { _ in "---\ntitle: Une page nouvelle\n---\n\nCité : {{ respondents }}.\n" }
        try session.rebuildMatchesFullBuild("a page added")
        try FileManager.default.removeItem(at: session.project.appendingPathComponent("content/nouvelle.md"))
        try session.rebuildMatchesFullBuild("the page removed")

        try session.edit("data/site.yaml") { $0.replacingOccurrences(of: "title: \"L’innovation territoriale\"", with: "title: \"L’innovation\"") }
        try session.rebuildMatchesFullBuild("site.yaml")

        // The language changes the words of every page, the figures' format and the layout.
        try session.edit("data/site.yaml") { $0 + "language: en\n" }
        try session.rebuildMatchesFullBuild("the site's language")
        try session.edit("templates/messages/en.yaml") { _ in "layout.skip_link: \"Go to the text\"\n" }
        try session.rebuildMatchesFullBuild("a message of the language's catalogue")

        try session.edit("content/a-propos.md") { $0.replacingOccurrences(of: "order: 5", with: "order: 0") }
        try session.rebuildMatchesFullBuild("a page moved in the menu")

        try session.edit("data/examples.yaml") { $0 + "\n" }
        try session.rebuildMatchesFullBuild("examples.yaml")
    }

    /// Pages rendered again are rendered ahead on every core in the context they had last
    /// time; one whose context changed meanwhile (an earlier chart's title) is rendered again in order.
    /// The study draws four charts: the split `innovation` and `adoption` on the home page,
    /// each again on its finding's page.
    @Test func ofAPageRenderedAgainOnlyTheChartsAChangeReachesAreDrawnAgain() throws {
        let session = try Session()
        #expect(try session.rebuild("first build").chartsDrawn == 4)
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 53", with: "value: 54")
            .replacingOccurrences(of: "value: 47", with: "value: 46") }
        #expect(try session.rebuild("the split changed").chartsDrawn == 2, "the two adoption charts are reused (their titles say « innovation »)")
        // A chart added first on the home page: every chart after it is numbered anew, so drawn again.
        try session.edit("content/index.md") { text in
            let first = try! #require(text.range(of: "```chart"))
            return text.replacingCharacters(in: first.lowerBound..<first.lowerBound, with: "```chart\nfigure: adoption\ntitle: Les acteurs\n```\n\n")
        }
        #expect(try session.rebuild("a chart added first").chartsDrawn == 5)
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 54", with: "value: 55")
            .replacingOccurrences(of: "value: 46", with: "value: 45") }
        #expect(try session.rebuild("the split changed again").chartsDrawn == 2)
    }

    /// A page or report whose content alone changed is its template's output around the new
    /// content (`TemplateSkeleton`): made on the first such change, filled on the next; a
    /// template that does not insert the content as it is gets rendered every time.
    @Test func layoutsWhoseContentAloneChangedAreFilledIntoTheirSkeleton() throws {
        let session = try Session()
        var value = 53
        func splitChanged(_ step: String) throws -> Int {
            try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: \(value)", with: "value: \(value + 1)")
                .replacingOccurrences(of: "value: \(100 - value)", with: "value: \(99 - value)") }
            value += 1
            return try session.rebuild(step).skeletonsFilled
        }
        try session.rebuildMatchesFullBuild("first build")
        #expect(try splitChanged("the split changed: skeletons made") == 0)
        #expect(try splitChanged("the split changed again") == 5, "the four pages that show the split, and the report")
        #expect(try splitChanged("and again") == 5)

        // The content inside an indented partial: still what a full build makes.
        let layout = try #require(BuiltInTheme.files["layout.mustache"])
        try session.edit("templates/partials/contenu.mustache") { _ in "<div class=\"contenu\">\n{{{page.contentHTML}}}\n</div>\n" }
        try session.edit("templates/layout.mustache") { _ in layout.replacingOccurrences(of: "{{{page.contentHTML}}}\n", with: "    {{> partials/contenu}}\n") }
        #expect(try session.rebuild("a layout with the content in an indented partial").skeletonsFilled == 0)
        #expect(try splitChanged("the split changed under the new layout") == 0, "the templates changed: the report's skeleton is made again too")
        #expect(try splitChanged("the split changed again under the new layout") == 5)

        // The content also escaped: not put in as it is, so the pages are rendered every time.
        try session.edit("templates/partials/contenu.mustache") { _ in "{{{page.contentHTML}}}\n<pre hidden>{{page.contentHTML}}</pre>\n" }
        #expect(try session.rebuild("a layout that also escapes the content").skeletonsFilled == 0)
        #expect(try splitChanged("the split changed under the escaping layout") == 0)
        #expect(try splitChanged("and again under the escaping layout") == 1, "only the report")
        #expect(try splitChanged("and once more") == 1)
    }

    /// The settings are read again only when their bytes change, and never through a link:
    /// the same bytes behind a link to a file outside the project fail as in a full build.
    @Test func settingsBehindALinkAreReadAgain() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        let settings = session.project.appendingPathComponent("data/site.yaml")
        let outside = try TestSupport.temporaryDirectory().appendingPathComponent("site.yaml")
        try FileManager.default.moveItem(at: settings, to: outside)
        try FileManager.default.createSymbolicLink(at: settings, withDestinationURL: outside)
        let full = #expect(throws: (any Error).self) { try SiteBuilder(project: Project(directory: session.project)).render() }
        let rebuild = #expect(throws: (any Error).self) { try session.builder.build() }
        #expect(rebuild.map { "\($0)" } == full.map { "\($0)" } && full.map { "\($0)" }?.contains("site.yaml") == true, "\(String(describing: rebuild))")
        try FileManager.default.removeItem(at: settings)
        try FileManager.default.moveItem(at: outside, to: settings)
        try session.rebuildMatchesFullBuild("the settings back")
    }

    /// A text written again in decomposed form (`é` as `e` and a combining accent) compares
    /// equal in Swift though its bytes differ: the session then forgets what it kept, and
    /// the rebuild is a full build's, bytes and all.
    @Test func aTextDecomposedIsBuiltAgainByteForByte() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        try session.edit("content/preconisations.md") { $0.decomposedStringWithCanonicalMapping }
        #expect(try session.rebuildMatchesFullBuild("a page decomposed") == 8)
        try session.edit("content/preconisations.md") { $0.replacingOccurrences(of: "En conclusion", with: "Pour conclure") }
        try session.rebuildMatchesFullBuild("a decomposed page edited")
        try session.edit("content/preconisations.md") { $0.precomposedStringWithCanonicalMapping }
        try session.rebuildMatchesFullBuild("the page composed again")
        try session.edit("data/figures.yaml") { $0.decomposedStringWithCanonicalMapping }
        try session.rebuildMatchesFullBuild("the figures decomposed")
        try session.edit("content/exemples.md") { $0 + "\nUne phrase de plus.\n" }
        #expect(try session.rebuildMatchesFullBuild("a composed page edited") == 1, "the memos stand while texts are composed")
    }

    /// The note under a page names its figures' sources: kept while they, the page that
    /// lists them and the language are the same, made again when a source's title changes.
    @Test func aPagesNoteFollowsItsSources() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 53", with: "value: 54").replacingOccurrences(of: "value: 47", with: "value: 46") }
        try session.rebuildMatchesFullBuild("a value changed: the notes stand")
        try session.edit("data/figures.yaml") {
            $0.replacingOccurrences(of: "title: \"« Une pratique équilibrée de l’innovation territoriale »", with: "title: \"« Une pratique équilibrée »")
        }
        try session.rebuildMatchesFullBuild("a source's title changed")
        let home = String(decoding: try Data(contentsOf: session.builder.folder.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(home.contains("#source-pratique-equilibree\">«\u{202F}Une pratique équilibrée\u{202F}» (diapositive 3"), "the home page's note names the new title")
    }

    @Test func pagesRenderedAheadAreTakenOnlyInTheirOwnContext() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 53", with: "value: 54")
            .replacingOccurrences(of: "value: 47", with: "value: 46") }
        let split = try session.rebuild("a split shown on several pages")
        #expect(split.renderedAhead.taken >= 2 && split.renderedAhead.wasted == 0)
        #expect(split.renderedAhead.taken <= split.renderedPages)

        // The first chart's title names the respondents, which a later chart page shows too:
        // after a change to them, that page's context (the charts before it) is new.
        try session.edit("content/constats/types-d-innovation.md") {
            $0.replacingOccurrences(of: "title: Nature de l’innovation engagée", with: "title: Nature de l’innovation engagée ({{ respondents }} réponses)")
        }
        try session.rebuildMatchesFullBuild("a chart's title names a figure")
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 311", with: "value: 312") }
        let respondents = try session.rebuild("the figure in the chart's title")
        #expect(respondents.renderedAhead.wasted >= 1)
    }

    /// The link check keeps its answers between builds only while the ids and the files
    /// they read are the same: each rebuild reports what a full build reports.
    @Test func linkProblemsFollowTheIdsAndFilesTheyRead() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        try session.edit("content/preconisations.md") { $0 + "\nVoir [la méthode](a-propos.html#nulle-part) et [l’annexe](annexe.html).\n" }
        #expect(try session.failure("a link to an id and a page that do not exist").contains("no element with id 'nulle-part' in a-propos.html"))
        try session.edit("content/a-propos.md") { $0 + "\n## Nulle part\n" }
        #expect(try session.failure("the id now exists").contains("'annexe.html' leads to no page"))
        try session.edit("content/annexe.md") { _ in "---\ntitle: Annexe\n---\n\nUne annexe.\n" }
        try session.rebuildMatchesFullBuild("the page now exists too")
        try session.edit("content/a-propos.md") { $0.replacingOccurrences(of: "\n## Nulle part\n", with: "\n") }
        #expect(try session.failure("the heading removed again").contains("no element with id 'nulle-part'"))
        try session.edit("content/a-propos.md") { $0 + "\n## Nulle part\n" }
        try FileManager.default.removeItem(at: session.project.appendingPathComponent("content/annexe.md"))
        #expect(try session.failure("the page removed").contains("'annexe.html' leads to no page"))
    }

    /// `figures.yaml` is parsed again only in the entries an edit changed (`YAMLEntryMemo`):
    /// edits that move every entry below them, break the YAML or a field, give what a full
    /// build gives, the same errors at the same lines included.
    @Test func editsOfTheFiguresFileMovingOrBreakingEntriesGiveWhatAFullBuildGives() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        // Three lines of comment above the figures: every entry is one line further down.
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "\nfigures:\n", with: "\n# un\n# deux\n\nfigures:\n") }
        try session.rebuildMatchesFullBuild("the entries moved")
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "        value: 53", with: "        value: cinquante-trois") }
        #expect(try session.failure("a field broken below the moved lines").contains("data/figures.yaml:"))
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "        value: cinquante-trois", with: "        value: \"53") }
        #expect(try session.failure("a quote left open in one entry").contains("invalid YAML"))
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "        value: \"53", with: "        value: 54") }
        try session.rebuildMatchesFullBuild("the quote closed, the value changed")
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "\n# un\n# deux\n\n", with: "\n") }
        try session.rebuildMatchesFullBuild("the lines taken out again")
    }

    @Test func aFailedRebuildLeavesTheFolderAndTheNextOneCatchesUp() throws {
        let session = try Session()
        try session.rebuildMatchesFullBuild("first build")
        let before = try TestSupport.tree(session.builder.folder)
        let page = session.project.appendingPathComponent("content/index.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data((text + "\n{{ inconnu }}\n").utf8).write(to: page)
        #expect(throws: BuildFailure.self) { try session.builder.build() }
        #expect(try TestSupport.tree(session.builder.folder) == before)
        try session.edit("data/figures.yaml") { $0.replacingOccurrences(of: "value: 2018", with: "value: 2019") }
        try Data(text.utf8).write(to: page)
        try session.rebuildMatchesFullBuild("fixed, with a figure changed meanwhile")
    }

    @Test func aBlockListingEveryFigureMakesItsPageDependOnAll() {
        #expect(PageMemo.showsEveryFigure("Texte\n\n```sources\n```\n"))
        #expect(PageMemo.showsEveryFigure("> ~~~ sources\n"))
        #expect(PageMemo.showsEveryFigure("```unknown\n```\n"))
        #expect(!PageMemo.showsEveryFigure("```chart\nfigure: innovation\n```\n```items\nfigure: x\n```\n```catalogue\n```\n```\ncode\n```\n"))
    }

    @Test func aPageNamesItsFiguresInReferencesAndBlockOptionsOnly() throws {
        let matter = FrontMatter(title: "Les {{ a_b | respondents }} de l’innovation", titleLocation: SourcePosition(line: 1, column: 1))
        let page = Page(sourcePath: "content/x.md", outputPath: "x.html", section: [], isSectionIndex: false, frontMatter: matter,
                        body: "L’innovation : {{ past\\_innovation }}.\n\n```chart\nfigure: adoption\ntitle: Nature de l’innovation\n```\n```catalogue\n```\n",
                        bodyLineOffset: 3)
        let named = try #require(PageMemo.namedText(of: page))
        let changed = { (roots: [String]) in FigureChanges.testing(roots: Set(roots)).touches(named) }
        #expect(changed(["past_innovation"]) && changed(["adoption"]) && changed(["examples"]) && changed(["a_b"]))
        #expect(!changed(["innovation"]), "prose and a chart's title name no figure; past_innovation is another key")
        var withEntity = page
        withEntity.body += "&#123;&#123; innovation &#125;&#125;\n"
        #expect(PageMemo.namedText(of: withEntity) == nil, "a character reference may spell a reference")
    }
}
