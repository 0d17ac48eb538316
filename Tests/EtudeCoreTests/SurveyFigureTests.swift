import Foundation
import Testing
@testable import EtudeCore

/// Figures that stay true for any survey, on the fictitious survey of `Fixtures/survey`:
/// exact counts, small shares, bases that differ per part, ranks with a tie, differences
/// with their test, shares in words, references in every text setting. Expected values
/// are worked out by hand in the comments, never taken from the code under test.
@Suite struct SurveyFigureTests {
    static let project = TestSupport.fixtures.appendingPathComponent("survey/project")

    static func build(_ project: URL = SurveyFigureTests.project) throws -> SiteBuilder.Result {
        try SiteBuilder(project: Project(directory: project)).render()
    }

    /// The visible text of a page's content, tags removed, spaces as typed by a reader.
    static func text(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }

    let result: SiteBuilder.Result
    let home: String

    init() throws {
        result = try Self.build()
        home = Self.text(result.pages.first { $0.page.outputPath == "index.html" }!.contentHTML)
    }

    /// 417 of 1 012 is 41,205 %: written 41 %, 41,2 % with one decimal, and its count is
    /// the count itself, not 41 % × 1 012 = 414,92.
    @Test func countsStayExact() {
        #expect(home.contains("41 % travaillent à distance (41,2 %), soit 417 répondants"))
        guard case .derived(let count)? = result.table["telework.yes.count"] else { Issue.record("no count"); return }
        #expect(count.value == 417)
        #expect(count.isEstimate == false)
    }

    /// Wilson at 95 % on the exact proportion p = 417/1 012 = 0,412055, n = 1 012:
    /// z²/n = 3,841459/1 012 = 0,0037959; centre = (0,412055 + 0,0018979)/1,0037959 = 0,412386;
    /// half = 1,959964 × √(0,412055 × 0,587945/1 012 + 3,841459/4 096 576)/1,0037959
    ///      = 1,959964 × √(0,00023939 + 0,00000094)/1,0037959 = 0,030270 → ± 3,0 points.
    @Test func marginsUseTheExactProportion() throws {
        let interval = try #require(result.table.resolved("obstacles.equipment")?.interval)
        #expect(abs(interval.margin - 3.0270) < 0.001)
        #expect(abs(interval.low - 38.212) < 0.01)
    }

    /// 5 of 1 012 is 0,49 %: not « 0 % ».
    @Test func smallSharesAreNeverZero() {
        #expect(home.contains("Le réseau est cité par moins de 1 % des agents (0,5 %)"))
        #expect(FigureFormatter(table: FigureTable(dataset: Dataset())).percentText(0.2, decimals: 0) == "moins de 1\u{202F}%")
        #expect(FigureFormatter(table: FigureTable(dataset: Dataset())).percentText(0.04, decimals: 1) == "moins de 0,1\u{202F}%")
        #expect(FigureFormatter(table: FigureTable(dataset: Dataset())).percentText(99.6, decimals: 0) == "plus de 99\u{202F}%")
        #expect(FigureFormatter(table: FigureTable(dataset: Dataset())).percentText(0, decimals: 0) == "0\u{202F}%")
        #expect(FigureFormatter(table: FigureTable(dataset: Dataset())).percentText(100, decimals: 0) == "100\u{202F}%")
    }

    @Test func partsWithDifferentBasesSayIt() throws {
        let html = try #require(result.pages.first { $0.page.outputPath == "index.html" }?.contentHTML)
        #expect(Self.text(html).contains("Base : de 600 à 1 012 répondants selon la réponse."))
        #expect(html.contains("<th scope=\"col\">Base</th>"))
        #expect(html.contains("<tr><th scope=\"row\">Autre frein</th>"))
    }

    /// 417, 417, 240/600 = 40 %, 5: the first place is shared, and the text says so.
    @Test func ranksStateTheirTies() {
        #expect(home.contains("Le premier frein cité est manque d’équipement et culture managériale (à égalité) (41 %), puis autre frein (40 %)."))
    }

    /// Different respondents (2026: 417 of 1 012; 2025: 36 % of 900): pooled p =
    /// (417 + 324)/1 912 = 0,387552; SE = √(0,387552 × 0,612448 × (1/1 012 + 1/900)) = 0,0223216;
    /// z = (0,412055 − 0,36)/0,0223216 = 2,332 > 1,96: significant. Margin (unpooled) =
    /// 1,96 × √(0,412055 × 0,587945/1 012 + 0,36 × 0,64/900) = 1,96 × 0,0222575 = 4,4 points.
    @Test func differenceOfTwoWavesIsTested() throws {
        #expect(home.contains("La part est en hausse de 5 points depuis 2025 (+5 points (± 4,4 points)), un écart significatif au seuil de 5 %."))
        guard case .derived(let margin)? = result.table["change.margin"] else { Issue.record("no margin"); return }
        #expect(abs(margin.value - 4.3625) < 0.001)
    }

    /// Textbook two-proportion tests: 60/100 against 45/100: p = 0,525,
    /// SE = √(0,525 × 0,475 × 0,02) = 0,070622, z = 0,15/0,070622 = 2,124 (significant);
    /// 50/100 against 40/100: p = 0,45, SE = √(0,45 × 0,55 × 0,02) = 0,070356, z = 1,421 (not).
    @Test func twoProportionTestKnownValues() {
        let significant = ProportionDifference.independent(60, of: 100, 45, of: 100)
        #expect(abs(significant.z - 2.1240) < 0.0005)
        #expect(significant.isSignificant)
        let notSignificant = ProportionDifference.independent(50, of: 100, 40, of: 100)
        #expect(abs(notSignificant.z - 1.4213) < 0.0005)
        #expect(!notSignificant.isSignificant)
    }

    /// Same respondents, exclusive answers (a split): Var = (p1 + p2 − (p1 − p2)²)/n.
    /// 55 % against 45 % of 100: (1 − 0,01)/100 = 0,0099, SE = 0,099499, z = 0,1/0,099499 = 1,005.
    /// Answers that may overlap (44 % and 41 % of 1 012, total under 100 %): the largest
    /// variance is the same formula, (0,85 − 0,0009)/1 012 = 0,00083903, z = 0,03/0,028966 = 1,036.
    @Test func differenceOfTheSameRespondentsIsConservative() {
        #expect(abs(ProportionDifference.sameRespondents(55, 45, of: 100).z - 1.0050) < 0.0005)
        let overlapping = ProportionDifference.sameRespondents(44, 41, of: 1012)
        #expect(abs(overlapping.z - 1.0357) < 0.0005)
        #expect(!overlapping.isSignificant)
        #expect(home.contains("l’écart avec l’équipement, +41 points, est significatif au seuil de 5 %."))
    }

    @Test func sharesInWords() {
        #expect(home.contains("environ quatre agents sur dix"))
        #expect(home.contains("Satisfaits : près d’un sur deux ; en travail hybride : plus des trois quarts des personnes."))
    }

    /// Each boundary of `ShareWords`: the landmark within half a point, « près de » up to
    /// 3 points below, « plus de » up to 3 points above, « environ N sur dix » elsewhere.
    @Test(arguments: [
        (0.0, "aucun"), (1, "moins d’un sur dix"), (6, "moins d’un sur dix"), (7, "près d’un sur dix"),
        (10, "un sur dix"), (13, "plus d’un sur dix"), (14, "environ un sur dix"), (17, "près d’un sur cinq"),
        (20, "un sur cinq"), (22, "plus d’un sur cinq"), (24, "près d’un quart"), (25, "un quart"), (28, "plus d’un quart"),
        (29, "environ trois sur dix"), (31, "près d’un tiers"), (33, "un tiers"), (34, "plus d’un tiers"), (37, "environ quatre sur dix"),
        (40, "environ quatre sur dix"), (46, "environ cinq sur dix"), (47, "près d’un sur deux"), (49.5, "la moitié"), (50, "la moitié"),
        (50.5, "la moitié"), (51, "plus de la moitié"), (53, "plus de la moitié"), (54, "environ cinq sur dix"), (64, "près des deux tiers"),
        (67, "les deux tiers"), (69, "plus des deux tiers"), (70, "environ sept sur dix"), (72, "près des trois quarts"),
        (75, "les trois quarts"), (77, "plus des trois quarts"), (79, "près de quatre sur cinq"), (80, "quatre sur cinq"),
        (83, "plus de quatre sur cinq"), (84, "environ huit sur dix"), (87, "près de neuf sur dix"), (90, "neuf sur dix"),
        (93, "plus de neuf sur dix"), (94, "plus de neuf sur dix"), (99, "plus de neuf sur dix"), (100, "tous"),
    ] as [(Double, String)])
    func wordsAtTheirBoundaries(share: Double, words: String) {
        #expect(ShareWords(language: .french).phrase(for: share, feminine: false, noun: nil) == words)
    }

    @Test func wordsTakeAGenderAndANoun() {
        #expect(ShareWords(language: .french).phrase(for: 48, feminine: true, noun: "collectivités") == "près d’une collectivité sur deux")
        #expect(ShareWords(language: .french).phrase(for: 40, feminine: false, noun: "agents") == "environ quatre agents sur dix")
        #expect(ShareWords(language: .french).phrase(for: 10, feminine: false, noun: "agents") == "un agent sur dix")
        #expect(ShareWords(language: .french).phrase(for: 0, feminine: true, noun: "communes") == "aucune commune")
        #expect(ShareWords(language: .french).phrase(for: 100, feminine: true, noun: "communes") == "toutes les communes")
    }

    /// Site settings, source titles, labels and chart titles follow the data like prose.
    @Test func referencesInEveryTextSetting() throws {
        let index = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(!index.contains("{{"))
        #expect(index.contains("Vague 2026, 1\u{202F}248\u{00A0}répondants"))
        #expect(index.contains("Questionnaire 2026, question 2"))
        #expect(index.contains("Freins cités en 2026"))
        let methods = String(decoding: try #require(result.files["methode.html"]), as: UTF8.self)
        #expect(methods.contains("Travail à distance en 2026"))
        #expect(!methods.contains("{{"))
        let report = String(decoding: try #require(result.files["rapport.html"]), as: UTF8.self)
        #expect(!report.contains("{{"))
        #expect(result.table.dataset.sources["q1"]?.title == "Questionnaire 2026, question 1")
    }

    @Test func aReferenceThatCannotBeWrittenInASettingIsAnErrorAtItsLine() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "subtitle: \"Vague {{ wave.yeer }}\"\n",
            "data/figures.yaml": "sources:\n  s1: { title: \"Source {{ people | margin }}\" }\nfigures:\n  people: { label: Gens, value: 3, unit: respondents, kind: count, source: s1 }\n",
            "content/index.md": "---\ntitle: Essai\n---\n\nTexte.\n",
        ])
        let error = #expect(throws: BuildFailure.self) { try Self.build(project) }
        #expect(error?.description == """
            data/figures.yaml:2:24: error: 'people' has no margin of error: it needs a percentage with a base; add 'base:' to it in data/figures.yaml
            """)
        try Data("sources:\n  s1: { title: Source }\nfigures:\n  people: { label: Gens, value: 3, unit: respondents, kind: count, source: s1 }\n".utf8)
            .write(to: project.appendingPathComponent("data/figures.yaml"))
        let second = #expect(throws: BuildFailure.self) { try Self.build(project) }
        #expect(second?.description == "data/site.yaml:3:18: error: unknown figure 'wave.yeer'")
    }

    /// The catalogue's texts and the assumptions are published too: they take references.
    @Test func referencesInTheCatalogueAndTheAssumptions() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": """
                sources:
                  s1: { title: Source }
                figures:
                  year: { label: Année, value: 2026, unit: year, kind: count, source: s1 }
                  rate: { label: Taux, value: 40, unit: percent, kind: share, base: 300, source: s1, assumption: "Base supposée en {{ year }}" }
                """,
            "data/examples.yaml": """
                families:
                  f: { label: "Famille {{ year }}", description: "Décrite en {{ year }}", source: s1 }
                categories:
                  c: { family: f, label: "Catégorie {{ year }}", source: s1 }
                examples:
                  - { category: c, title: "Exemple {{ year }}", text: "Texte de {{ year }}" }
                """,
            "content/index.md": "---\ntitle: Essai\n---\n\n{{ rate }}\n\n```catalogue\n```\n\n```sources\n```\n",
        ])
        let html = String(decoding: try #require(try Self.build(project).files["index.html"]), as: UTF8.self)
        for text in ["Famille 2026", "Décrite en 2026", "Catégorie 2026", "Exemple 2026", "Texte de 2026", "Base supposée en 2026"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(!html.contains("{{"))
    }

    @Test func computedFiguresExistOnlyWhereTheirInputsDo() {
        #expect(result.table["examples.total"] == nil)
    }

    /// A statistic typed by hand is reported whatever its value, before and after the
    /// data change, until it is a reference or marked as a literal.
    @Test func strictCheckFlagsATypedStatisticBeforeAndAfterADataChange() throws {
        let project = try TestSupport.temporaryDirectory().appendingPathComponent("survey")
        try FileManager.default.copyItem(at: Self.project, to: project)
        let page = project.appendingPathComponent("content/index.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nCette année, 49 % des agents sont satisfaits.\n").write(to: page, atomically: true, encoding: .utf8)
        // The typed statistic stands on the last line of the page.
        let line = try String(contentsOf: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let before = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(before.status == 1)
        #expect(before.stderr.contains("content/index.md:\(line):15: warning: '49 %' is typed by hand and equals the figure 'satisfied'"))
        let figures = project.appendingPathComponent("data/figures.yaml")
        try String(contentsOf: figures, encoding: .utf8).replacingOccurrences(of: "value: 49", with: "value: 52").write(to: figures, atomically: true, encoding: .utf8)
        let after = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(after.status == 1)
        #expect(after.stderr.contains("content/index.md:\(line):15: warning: '49 %' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 49 % }}"))
        try (String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "49 % des agents", with: "{{ literal: 49 % }} des agents"))
            .write(to: page, atomically: true, encoding: .utf8)
        let marked = try TestSupport.runEtude(["check", "--strict", "--project", project.path])
        #expect(marked.status == 0, "\(marked.stderr)")
    }
}
