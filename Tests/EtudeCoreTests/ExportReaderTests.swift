import Foundation
import Testing
@testable import EtudeCore

/// Reading survey exports: BOM, `;` or `,`, RFC 4180 quotes with line breaks, and the
/// line each row starts on (what errors cite).
@Suite struct ExportReaderTests {
    static func rows(of bytes: [UInt8]) throws -> (header: [String], separator: String, rows: [([String], Int)]) {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("export.csv")
        try Data(bytes).write(to: url)
        let reader = ExportReader(url: url, shown: "data/export.csv")
        let piece = try reader.pieces(1)[0]
        let header = try reader.header(of: piece)
        var rows: [([String], Int)] = []
        try reader.read(piece, header: header) { rows.append(($0, $1)) }
        return (header.names, String(header.separator), rows)
    }

    @Test func bomSemicolonsAndQuotedLineBreaks() throws {
        // Line 1: header; line 2: R1, whose comment spans lines 2–4 (CRLF, then LF); line 5: R2.
        let text = "id;note;commentaire\r\nR1;Oui;\"un; deux\r\ntrois \"\"cité\"\"\nquatre\"\r\nR2; Non ;\r\n"
        let result = try Self.rows(of: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(result.header == ["id", "note", "commentaire"])
        #expect(result.separator == ";")
        #expect(result.rows.map(\.1) == [2, 5])
        #expect(result.rows[0].0[2] == "un; deux\r\ntrois \"cité\"\nquatre")
        #expect(result.rows[1].0 == ["R2", " Non ", ""])
    }

    @Test func commasWithoutBOMAndBlankLinesSkipped() throws {
        let result = try Self.rows(of: Array("a,b;c\n1,\"x,y\"\n\n2,z\n".utf8))
        #expect(result.separator == ",")
        #expect(result.rows.map(\.0) == [["1", "x,y"], ["2", "z"]])
        #expect(result.rows.map(\.1) == [2, 4])
    }

    @Test func aRaggedRowIsAnErrorAtItsLine() throws {
        let error = #expect(throws: BuildFailure.self) { try Self.rows(of: Array("a,b\n1,2\n\"3\n\",4,5\n".utf8)) }
        #expect(error?.description == "data/export.csv:3: error: row has 3 fields but the header has 2; check for a missing or extra ',' or an unclosed quote")
    }
}

/// An unweighted survey of one export: exact counts flow into references and the export.
@Suite struct UnweightedAnswersTests {
    @Test func exactCountsAndWhere() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite,
            "data/figures.yaml": "sources:\n  s:\n    title: Enquête\n",
            "data/answers.yaml": """
                survey: { source: s, file: r.csv, secrecy: 3 }
                figures:
                  q:
                    label: Question
                    kind: split
                    column: q
                    answers: { oui: Oui, non: Non }
                  q-b:
                    label: Question (groupe B)
                    kind: split
                    column: q
                    where: { groupe: [B, C] }
                    answers: { oui: Oui, non: Non }
                """,
            // 3 Oui and 2 Non among 6 rows, one blank: 60 % of 5. Groups B or C: rows 2, 4, 5, 6
            // → Non, Oui, Oui, blank: 2 of 3.
            "data/r.csv": "id,groupe,q\n1,A,Oui\n2,B,Non\n3,A,Non\n4,C,Oui\n5,B,Oui\n6,B,\n",
            "content/index.md": "---\ntitle: Essai\n---\n{{ q.oui }} ({{ q.oui | respondents }} sur {{ q.oui.base }}, {{ q.non-response }} sans réponse) ; B ou C : {{ q-b.oui }}.\n",
        ])
        let result = try SiteBuilder(project: Project(directory: project)).render()
        let figure = try #require(result.table.resolved("q.oui")?.figure)
        #expect(figure.value == 60 && figure.count == 3 && figure.effectiveBase == nil)
        #expect(abs((result.table.resolved("q-b.oui")?.figure.value ?? 0) - 200.0 / 3) < 1e-9)
        let html = String(decoding: try #require(result.files["index.html"]), as: UTF8.self)
        #expect(html.contains("3\u{00A0}répondants"))
        #expect(!html.contains("environ"))
        #expect(html.contains(">67\u{202F}%<") || html.contains(">67\u{00A0}%<") || html.contains("67\u{202F}%"))
    }
}

/// A large export is read in pieces on several threads: the pieces add up to one pass.
@Suite struct ParallelPiecesTests {
    static func survey() throws -> SurveyDeclaration {
        let folder = AnswersFixtureTests.folder.appendingPathComponent("project/data")
        let text = try String(contentsOf: folder.appendingPathComponent("answers.yaml"), encoding: .utf8)
        let sources = ["enquete": DataSource(id: "enquete", title: "Enquête")]
        return try #require(try AnswersDeclarationParser(sources: sources).parse(text))
    }

    @Test(arguments: [2, 3, 4])
    func piecesGiveTheSameTallies(pieces: Int) throws {
        let survey = try Self.survey()
        let data = AnswersFixtureTests.folder.appendingPathComponent("project/data")
        for wave in survey.waves {
            let whole = try AnswerAggregator(survey: survey, wave: wave, dataDirectory: data, pieceCount: 1).aggregate()
            let parts = try AnswerAggregator(survey: survey, wave: wave, dataDirectory: data, pieceCount: pieces).aggregate()
            for (a, b) in zip(whole.joined(), parts.joined()) {
                #expect(a.answered == b.answered && a.nonResponse == b.nonResponse && a.counts == b.counts)
                #expect(abs(a.weightSum - b.weightSum) < 1e-9 && abs(a.sum - b.sum) < 1e-9 && a.distribution.keys.sorted() == b.distribution.keys.sorted())
            }
        }
    }

    /// An error in a later piece is reported at its line in the whole file.
    @Test func errorLinesCountEveryPiece() throws {
        let folder = try TestSupport.temporaryDirectory()
        var text = "id,q,c\n"
        for index in 0..<40 { text += "\(index),\(index == 30 ? "Peut-être" : "\"Oui\""),\(index == 5 ? "\"a\nb\"" : "")\n" }
        try text.write(to: folder.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
        let survey = try #require(try AnswersDeclarationParser(sources: ["s": DataSource(id: "s", title: "S")]).parse(
            "survey: { source: s, file: r.csv }\nfigures:\n  q: { label: Q, kind: split, column: q, answers: { oui: Oui, non: Non } }\n"))
        for pieces in [1, 3] {
            let error = #expect(throws: BuildFailure.self) {
                try AnswerAggregator(survey: survey, wave: survey.waves[0], dataDirectory: folder, pieceCount: pieces).aggregate()
            }
            // Header line 1, rows from line 2, one extra line inside row 5: row 30 is on line 33.
            #expect(error?.description.hasPrefix("data/r.csv:33: error: answer 'Peut-être'") == true, "\(error?.description ?? "")")
        }
    }
}
