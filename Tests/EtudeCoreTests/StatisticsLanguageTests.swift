import Foundation
import Testing
@testable import EtudeCore

/// The labels, methods and texts of computed values in an English study: every word from
/// the catalogue (`StatisticsMessage`), numbers written the English way, no French left.
@Suite struct StatisticsLanguageTests {
    static let site = "title: Test study\nbase_url: https://example.org/test/\nlanguage: en\n"
    static let page = "---\ntitle: Results\n---\nResults.\n"

    /// A split with a base (significant), a close split (not significant), a group of several
    /// answers with ranks and a tie, and a declared difference within that group.
    static let figures = """
    sources:
      s:
        title: Test questionnaire
    figures:
      people:
        label: People asked
        value: 500
        unit: respondents
        kind: count
        source: s
      evening:
        label: Evening opening
        kind: split
        unit: percent
        base: people
        source: s
        parts:
          open: { label: Open in the evening, value: 62 }
          closed: { label: Closed in the evening, value: 38 }
      close:
        label: A close call
        kind: split
        unit: percent
        base: 100
        source: s
        parts:
          yes: { label: Yes, value: 52 }
          no: { label: No, value: 48 }
      services:
        label: Services offered
        kind: multiple
        unit: percent
        base: people
        source: s
        parts:
          loans: { label: E-book loans, value: 78 }
          wifi: { label: Free wifi, value: 91 }
          games: { label: Board games, value: 78 }
      gap:
        label: Wifi ahead of e-book loans
        kind: difference
        of: [services.wifi, services.loans]
    """

    static func table(site: String = site, figures: String = figures) throws -> FigureTable {
        let project = try TestSupport.makeProject(["data/site.yaml": site, "data/figures.yaml": figures, "content/index.md": page])
        return try SiteBuilder(project: Project(directory: project)).render().table
    }

    static func derived(_ table: FigureTable, _ key: String) throws -> DerivedValue {
        guard case .derived(let value) = table[key] else { throw Failure(key: key) }
        return value
    }

    struct Failure: Error { var key: String }

    @Test func labelsAndMethodsOfTypedFiguresAreEnglish() throws {
        let table = try Self.table()
        let expected: [(String, String, String)] = [
            ("evening.open.base", "Base of “Open in the evening”", "base given in the data"),
            ("evening.open.count", "Respondents matching “Open in the evening”",
             "share × base, rounded to the nearest whole number (an estimate: the share is itself rounded)"),
            ("evening.open.margin", "Margin of error at 95% of “Open in the evening”", "half-width of the 95% Wilson interval"),
            ("evening.open.low", "Lower bound of the 95% interval of “Open in the evening”", "95% Wilson interval"),
            ("evening.open.high", "Upper bound of the 95% interval of “Open in the evening”", "95% Wilson interval"),
            ("services.wifi.rank", "Rank of “Free wifi”", "rank within its group, from the largest share to the smallest"),
            ("services.rank-1", "Answer ranked 1 in “Services offered”",
             "answer ranked 1, from the largest share to the smallest; equal shares are reported as tied"),
            ("services.rank-2", "Answer ranked 2 in “Services offered”",
             "answer ranked 2, from the largest share to the smallest; equal shares are reported as tied"),
            ("evening.difference", "Gap between the two parts of “Evening opening”", "difference between the two parts"),
            ("evening.significance", "Significance of the gap in “Evening opening”",
             "the gap is significant if the 95% Wilson interval of the larger part excludes 50%"),
            ("gap", "Wifi ahead of e-book loans", "difference between the shares “Free wifi” and “E-book loans”, in points"),
            ("gap.margin", "Margin of error at 95% of “Wifi ahead of e-book loans”",
             "same respondents: the largest standard error the two shares allow (a cautious test), z = 1.96"),
            ("gap.significance", "Significance of “Wifi ahead of e-book loans”",
             "same respondents: the largest standard error the two shares allow (a cautious test), z = 1.96"),
        ]
        for (key, label, method) in expected {
            let value = try Self.derived(table, key)
            #expect(value.label == label, "\(key)")
            #expect(value.method == method, "\(key)")
        }
        #expect(try Self.derived(table, "evening.significance").text == "significant at the 5% level")
        #expect(try Self.derived(table, "close.significance").text == "not significant at the 5% level")
        #expect(try Self.derived(table, "gap.significance").text == "significant at the 5% level")
        Self.expectNoFrench(in: table)
    }

    /// The same figures in a French study keep the French words, quotes and spaces.
    @Test func frenchStudyKeepsItsWords() throws {
        let table = try Self.table(site: TestSupport.minimalSite)
        #expect(try Self.derived(table, "evening.open.margin").label == "Marge d’erreur à 95 % de « Open in the evening »")
        #expect(try Self.derived(table, "close.significance").text == "non significatif au seuil de 5\u{202F}%")
        #expect(try Self.derived(table, "services.rank-1").method
            == "réponse classée au rang 1, de la plus grande part à la plus petite ; des parts égales sont dites à égalité")
    }

    /// The fixture survey of raw answers (two waves, weights, a cross-tabulation with a
    /// segment under the secrecy threshold), its labels translated: every computed value,
    /// test and note in English, the withheld text included.
    @Test func rawAnswersInEnglish() throws {
        let table = try Self.englishAnswers()
        let dataset = table.dataset
        let mean = try Self.derived(table, "agents.2026.mean.low")
        #expect(mean.label == "Lower bound of the 95% interval of the mean of “Number of staff (2026)”")
        #expect(mean.method == "95% interval: mean ± 1.96 × standard deviation / √n (Kish effective n, weighted answers)")
        #expect(try Self.derived(table, "agents.2026.median.high").method
            == "95% interval: quantiles ½ ∓ 1.96 × ½ / √n of the distribution (normal approximation of ranks), Kish effective n")
        #expect(try Self.derived(table, "agents.2026.base").label == "Respondents to “Number of staff (2026)”")
        let nonResponse = try Self.derived(table, "satisfaction.2026.non-response")
        #expect(nonResponse.label == "Non-response to “Satisfaction with support (2026)”")
        #expect(nonResponse.method == "respondents in the population who did not answer the question, excluded from the base")

        let test = try Self.derived(table, "obstacles.2026.by-structure.test.budget")
        #expect(test.label == "Test of independence of “Obstacles met (2026): Budget” by “structure”")
        #expect(test.text?.wholeMatch(of: /(no )?significant association at the 5% level \(χ² = \d+\.\d; 2 df; p (=|<) 0\.\d{3}\)/) != nil, "\(test.text ?? "")")
        #expect(test.method.hasPrefix("χ² test of independence on the counts of respondents (unweighted)"))
        let caveat = try Self.derived(table, "obstacles.2025.by-structure.test.budget")
        #expect(caveat.method == "χ² test of independence on the counts of respondents (unweighted). Caution: 2 expected counts of 6 are below 5, so the test is only approximate.")
        #expect(try Self.derived(table, "obstacles.2025.by-structure.test.temps").method.hasSuffix(". Caution: 1 expected count of 6 is below 5, so the test is only approximate."))
        #expect(dataset.methodNotes.contains { $0.hasPrefix("χ² test of independence of “Obstacles met (2025): Budget” by “structure”: χ² = 4.9; 2 df; p = 0.088; no significant association at the 5% level. Caution: 2 expected counts") })
        #expect(try Self.derived(table, "obstacles.2026.by-structure.test.budget.p-value").label
            == "p-value of “Obstacles met (2026): Budget” by “structure”")

        let change = try Self.derived(table, "satisfaction.2026-vs-2025.tres")
        #expect(change.label == "Change in “Very satisfied” (Satisfaction with support) between 2025 and 2026")

        // A segment under the secrecy threshold: its figures read « too few respondents ».
        let withheld = try #require(dataset.figureOrder.compactMap { dataset.figures[$0] }.first { $0.suppressed })
        let formatter = FigureFormatter(table: table)
        #expect(formatter.standardText(of: withheld) == "too few respondents")
        let withheldRank = try Self.derived(table, withheld.key + ".rank")
        #expect(withheldRank.text == "too few respondents")
        #expect(withheldRank.method == "not published: base below the statistical confidentiality threshold")
        #expect(table.dataset.notices.contains { $0.message.hasSuffix("(“too few respondents”)") })

        #expect(dataset.methodNotes.contains("Statistical confidentiality: a share, mean or median whose base is fewer than 30 respondents is not published (“too few respondents”)."))
        #expect(dataset.methodNotes.contains { $0.hasPrefix("Raw answers (wave 2025: “answers-2025.csv”, wave 2026: “answers-2026.csv”): ") })
        #expect(dataset.methodNotes.contains { $0.hasPrefix("Weighting: each answer counts according to the column “poids”; ") })
        #expect(AnswersLoader.provenance(of: try #require(dataset.figures["satisfaction.2026.tres"]), language: table.language)
            == "computed from the raw answers (weighted; margin based on Kish’s effective sample size)")
        Self.expectNoFrench(in: table)
        for note in dataset.methodNotes { #expect(Self.french(in: note).isEmpty, "\(note)") }
    }

    /// The export of an English study: the method of a count computed from a share, and a
    /// withheld value with no number.
    @Test func exportIsEnglish() throws {
        let table = try Self.englishAnswers()
        let rows = FigureExport(table: table).rows
        let withheld = try #require(rows.first { $0.text == "too few respondents" && $0.origin == "computed" })
        #expect(withheld.value == nil)
        for row in rows where row.origin == "computed" {
            #expect(Self.french(in: (row.method ?? "") + " " + row.label).isEmpty, "\(row.key)")
        }
        let project = try TestSupport.makeProject(["data/site.yaml": Self.site, "content/index.md": Self.page, "data/figures.yaml": """
            sources:
              s:
                title: Test questionnaire
            figures:
              share:
                label: Share of readers
                value: 40
                unit: percent
                kind: share
                base: 250
                source: s
              readers:
                label: Readers
                unit: respondents
                kind: count
                from: share
                source: s
            """])
        let computed = FigureExport(table: try SiteBuilder(project: Project(directory: project)).render().table).rows
        #expect(computed.first { $0.key == "readers" }?.method == "share × base, rounded to the nearest whole number")
    }

    // MARK: - The English copy of the answers fixture

    static func englishAnswers() throws -> FigureTable {
        let exports = AnswersFixtureTests.folder.appendingPathComponent("project/data/exports")
        var files = ["data/site.yaml": site, "content/index.md": page, "data/answers.yaml": answers,
                     "data/figures.yaml": "sources:\n  survey:\n    title: Fictitious survey of local authorities (raw answers)\n"]
        for wave in ["2025", "2026"] {
            files["data/exports/answers-\(wave).csv"] = try String(contentsOf: exports.appendingPathComponent("reponses-\(wave).csv"), encoding: .utf8)
        }
        return try SiteBuilder(project: Project(directory: try TestSupport.makeProject(files))).render().table
    }

    /// Fixtures/answers/project/data/answers.yaml with English labels (the answers as the export writes them).
    static let answers = """
    survey:
      source: survey
      waves:
        "2025": exports/answers-2025.csv
        "2026": exports/answers-2026.csv
      weight: poids
      secrecy: 30
    dimensions:
      structure:
        column: structure
        segments:
          communes: { label: Municipality, answer: Commune }
          departements: { label: County, answer: Département }
          regions: { label: Region, answer: Région }
    figures:
      satisfaction:
        label: Satisfaction with support
        kind: split
        column: satisfaction
        answers:
          tres: { label: Very satisfied, answer: Très satisfait }
          plutot: { label: Fairly satisfied, answer: Plutôt satisfait }
          peu: { label: Not very satisfied, answer: Peu satisfait }
          pas: { label: Not at all satisfied, answer: Pas du tout satisfait }
      obstacles:
        label: Obstacles met
        kind: multiple
        several_answers: true
        by: structure
        columns:
          budget: { label: Budget, column: frein_budget }
          temps: { label: Time, column: frein_temps }
          outils: { label: Tools, column: frein_outils }
      outils:
        label: Tools used
        kind: multiple
        column: outils
        separator: "|"
        answers:
          tableur: { label: Spreadsheet, answer: Tableur }
          sig: { label: GIS, answer: SIG }
          enquete: { label: Survey software, answer: Logiciel d’enquête }
      agents:
        label: Number of staff
        kind: numeric
        column: agents
    """

    // MARK: - French words

    /// Words of the French texts that English never writes on its own.
    static let frenchWords: Set<String> = [
        "de", "des", "du", "la", "le", "les", "l", "d", "qu", "et", "à", "au", "aux", "sur", "selon", "entre", "dont",
        "rang", "borne", "basse", "haute", "écart", "marge", "erreur", "intervalle", "significatif",
        "significative", "significativité", "seuil", "moyenne", "médiane", "effectif", "effectifs", "insuffisant", "vague",
        "évolution", "évolutions", "calculé", "calculée", "arrondi", "répondants", "réponse", "réponses", "pas", "dépendance",
        "ddl", "publié", "secret", "statistique", "pondérées", "pondération", "unité", "valeur", "brutes", "donné", "données",
        "déclarée", "classée", "demi", "largeur", "exclut", "prudent", "mêmes", "différents", "différence", "proportions",
        "commune", "égales", "égalité", "attendus", "inférieurs", "approximatif", "ayant", "nombre",
    ]

    /// The French words, guillemets and accented letters of a text.
    static func french(in text: String) -> [String] {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init).filter { frenchWords.contains($0) }
        return words + text.filter { "«»éèêàùçâîôû".contains($0) }.map(String.init)
    }

    /// Every label, method and text of every computed value.
    static func expectNoFrench(in table: FigureTable) {
        var checked = 0
        for key in table.order {
            guard case .derived(let value) = table[key] else { continue }
            checked += 1
            for text in [value.label, value.method, value.text ?? ""] {
                #expect(french(in: text).isEmpty, "\(key): \(text)")
            }
        }
        #expect(checked > 10)
    }
}
