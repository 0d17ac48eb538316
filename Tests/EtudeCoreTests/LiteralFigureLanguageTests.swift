import Foundation
import Testing
@testable import EtudeCore

/// The hand-typed-number check reads numbers as the study's language writes them.
@Suite struct LiteralFigureLanguageTests {
    static let figures = """
        sources:
          s1:
            title: Survey
        figures:
          respondents:
            label: Respondents
            value: 1248
            unit: respondents
            kind: count
            source: s1
          open:
            label: Open in the evening
            value: 21.5
            unit: percent
            kind: share
            source: s1
        """

    static func finder(_ tag: String) throws -> LiteralFigureFinder {
        let project = try TestSupport.makeProject(["data/figures.yaml": figures, "data/site.yaml": TestSupport.minimalSite])
        let language = try LanguageLoader(project: project).load(tag: tag, at: nil)
        let dataset = try DatasetLoader(dataDirectory: project.appendingPathComponent("data"), language: language).load()
        return LiteralFigureFinder(table: try StatisticsCalculator().compute(dataset))
    }

    static func found(_ line: String, _ tag: String) throws -> [String] {
        try finder(tag).findings(in: line).map { "\($0.column): \($0.message)" }
    }

    @Test func englishNumbers() throws {
        #expect(try Self.found("Of the 1,248 libraries, 21.5% open late.", "en") == [
            "8: '1,248' is typed by hand and equals the figure 'respondents'; write {{ respondents }} so that it follows data/",
            "25: '21.5%' is typed by hand and equals the figure 'open'; write {{ open }} so that it follows data/",
        ])
        #expect(try Self.found("We asked 12 respondents and got 30 responses, a gap of 4 points.", "en") == [
            "10: '12 respondents' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 12 respondents }}",
            "33: '30 responses' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 30 responses }}",
            "56: '4 points' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 4 points }}",
        ])
        // In English, 1.248 is not 1,248.
        #expect(try Self.found("A ratio of 1.248 between them.", "en") == [])
    }

    @Test func germanNumbers() throws {
        #expect(try Self.found("Von 1.248 Bibliotheken öffnen 21,5 % abends.", "de").count == 2)
        #expect(try Self.found("Wir fragten 12 Befragte.", "de") == [
            "13: '12 Befragte' is a statistic typed by hand; write it as a reference to a figure of data/, or mark it as deliberate with {{ literal: 12 Befragte }}",
        ])
    }

    @Test func frenchNumbersUnchanged() throws {
        #expect(try Self.found("Sur 1 248 bibliothèques, 21,5 % ouvrent le soir.", "fr").count == 2)
        #expect(try Self.found("Sur 1\u{202F}248 bibliothèques.", "fr").count == 1)
    }
}
