import Foundation
import Testing
@testable import EtudeCore

/// The study itself, the repository's default project.
@Suite struct DefaultProjectTests {
    static let project = Project(directory: TestSupport.repositoryRoot)

    /// No figure of data/ is typed in content/: `etude check` would warn about any
    /// number there that equals a figure, since it would not update with the data.
    @Test func contentTypesNoFigureByHand() throws {
        let result = try SiteBuilder(project: Self.project).render()
        let typed = Set(result.table.dataset.figures.values.map { FigureFormatter(table: result.table).standardText(of: $0) })
        #expect(typed.isSuperset(of: ["311", "53\u{202F}%", "47\u{202F}%", "78\u{202F}%", "60\u{202F}%", "40\u{202F}%", "50\u{202F}%", "2017", "2018", "plus des deux tiers"]))
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description).joined(separator: "\n"))")
    }

    /// Every figure of the source's inventory is published, formatted in French, on its page.
    @Test(arguments: [
        ("index.html", ["2017", "2018", "311", "50\u{202F}%", "53\u{202F}%", "47\u{202F}%", "78\u{202F}%", "60\u{202F}%", "40\u{202F}%", "plus des deux tiers"]),
        ("constats/types-d-innovation.html", ["53\u{202F}%", "47\u{202F}%"]),
        ("constats/processus.html", ["78\u{202F}%", "60\u{202F}%", "40\u{202F}%"]),
        ("constats/determinants.html", ["plus des deux tiers"]),
        ("a-propos.html", ["311", "50\u{202F}%", "environ\u{00A0}156"]),
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
