import Foundation
import Testing
@testable import EtudeCore

/// The study itself, the repository's default project.
@Suite struct DefaultProjectTests {
    static let project = Project(directory: TestSupport.repositoryRoot)

    /// No figure of data/ is typed in content/: a literal percentage or a typed value
    /// (outside `{{ }}` and the front matter's `order:`) would not update with the data.
    @Test func contentTypesNoFigureByHand() throws {
        let dataset = try DatasetLoader(dataDirectory: Self.project.data).load()
        let values = Set(dataset.figures.values.filter { $0.computedFrom == nil }.map { figure -> String in
            figure.fraction.map { "\($0.numerator)/\($0.denominator)" } ?? FrenchNumberFormatter.number(figure.value, decimals: figure.decimals, groupThousands: false)
        })
        #expect(values.isSuperset(of: ["311", "53", "47", "78", "60", "40", "50", "2017", "2018", "2/3"]))
        let pages = try ContentLoader(contentDirectory: Self.project.content).load()
        var found: [String] = []
        for page in pages {
            for (offset, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let prose = line.replacing(/\{\{[^}]*\}\}/, with: "").replacing(/`[^`]*`/, with: "")
                let where_ = "\(page.sourcePath):\(page.bodyLineOffset + offset + 1)"
                if prose.contains(/\d\s?%/) { found.append("\(where_): a literal percentage") }
                for match in prose.matches(of: /\d+(?:[.,\/]\d+)?/) where values.contains(String(match.output).replacingOccurrences(of: ",", with: ".")) {
                    found.append("\(where_): '\(match.output)' is a figure of data/; reference it")
                }
            }
            for text in [page.frontMatter.title, page.frontMatter.description ?? ""] where text.replacing(/\{\{[^}]*\}\}/, with: "").contains(/\d/) {
                found.append("\(page.sourcePath): a number typed in the front matter")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// Every figure of the source's inventory is published, formatted in French, on its page.
    @Test(arguments: [
        ("index.html", ["2017", "2018", "311", "50\u{202F}%", "53\u{202F}%", "47\u{202F}%", "78\u{202F}%", "60\u{202F}%", "40\u{202F}%", "plus des deux tiers"]),
        ("constats/types-d-innovation.html", ["53\u{202F}%", "47\u{202F}%"]),
        ("constats/processus.html", ["78\u{202F}%", "60\u{202F}%", "40\u{202F}%"]),
        ("constats/determinants.html", ["plus des deux tiers"]),
        ("a-propos.html", ["311", "50\u{202F}%", "156"]),
    ])
    func inventoryFiguresAppearOnTheirPages(path: String, figures: [String]) throws {
        let files = try SiteBuilder(project: Self.project).render().files
        let html = String(decoding: try #require(files[path]), as: UTF8.self)
        for figure in figures {
            #expect(html.contains(">\(figure)</span>"), "\(path) lacks \(figure)")
        }
        #expect(html.contains("<html lang=\"fr\">"))
    }

    @Test func catalogueHoldsEveryExampleOfTheSource() throws {
        let catalogue = try CatalogueLoader(dataDirectory: Self.project.data)
            .load(sources: try DatasetLoader(dataDirectory: Self.project.data).load().sources)
        #expect(catalogue.categories.map { catalogue.examples(of: $0).count } == [3, 6, 5, 4, 4, 3])
    }
}
