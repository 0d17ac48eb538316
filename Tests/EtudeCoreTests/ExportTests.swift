import Foundation
import Testing
@testable import EtudeCore

/// `donnees/figures.json` and `donnees/figures.csv`: every figure, typed and computed.
@Suite struct ExportTests {
    static func build(figures: String = sampleFigures) throws -> [String: Data] {
        let project = try TestSupport.makeProject([
            "data/figures.yaml": figures,
            "data/site.yaml": TestSupport.minimalSite,
            "content/index.md": "---\ntitle: Essai\n---\nBonjour.\n",
        ])
        return try SiteBuilder(project: Project(directory: project)).render().files
    }

    static func jsonFigures(_ files: [String: Data]) throws -> [String: [String: Any]] {
        let data = try #require(files[FigureExport.jsonPath])
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let figures = try #require(document["figures"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: figures.map { ($0["key"] as! String, $0) })
    }

    @Test func jsonHoldsTypedFiguresWithBaseAndSource() throws {
        let figures = try Self.jsonFigures(try Self.build())
        let yes = try #require(figures["choice.yes"])
        #expect(yes["origin"] as? String == "typed")
        #expect(yes["value"] as? Double == 62.5)
        #expect(yes["text"] as? String == "62,5\u{202F}%")
        #expect(yes["unit"] as? String == "percent")
        #expect(yes["kind"] as? String == "share")
        #expect(yes["group"] as? String == "choice")
        #expect(yes["base"] as? Double == 1200)
        #expect(yes["base_key"] as? String == "people")
        #expect(yes["source"] as? String == "s1")
        #expect(yes["source_title"] as? String == "Source d’essai")
        #expect(yes["file"] as? String == "data/figures.yaml")
        #expect(figures["most"]?["fraction"] as? String == "3/4")
        #expect(figures["most"]?["bound"] as? String == "more-than")
    }

    /// Wilson at 95 % for 62,5 % of 1 200, by hand: z = 1,959964, z² = 3,8414589, z²/n = 0,0032012;
    /// centre (0,625 + 0,0016006) / 1,0032012 = 0,6246011;
    /// half-width 1,959964 × √(0,234375/1200 + 3,8414589/5 760 000) / 1,0032012 = 0,0273505;
    /// low 0,6246011 − 0,0273505 = 0,5972506.
    @Test func jsonHoldsComputedValuesWithTheirOwner() throws {
        let figures = try Self.jsonFigures(try Self.build())
        let margin = try #require(figures["choice.yes.margin"])
        #expect(margin["origin"] as? String == "computed")
        #expect(abs((margin["value"] as? Double ?? 0) - 2.73505) < 0.00001)
        #expect(margin["text"] as? String == "2,7\u{00A0}points")
        #expect(margin["computed_from"] as? String == "choice.yes")
        #expect(margin["source"] as? String == "s1")
        #expect(margin["method"] as? String == "demi-largeur de l’intervalle de Wilson à 95 %")
        #expect(abs((figures["choice.yes.low"]?["value"] as? Double ?? 0) - 59.72506) < 0.00001)
        #expect(figures["choice.yes.count"]?["value"] as? Double == 750)
        #expect(figures["choice.difference"]?["value"] as? Double == 25)
        #expect(figures["reasons.time.rank"]?["value"] as? Double == 1)
    }

    @Test func csvHasOneRowPerFigureInJSONOrder() throws {
        let files = try Self.build()
        let csv = String(decoding: try #require(files[FigureExport.csvPath]), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "key,label,origin,value,text,count,estimate,unit,kind,group,bound,fraction,items,base,base_key,computed_from,method,source,source_title,assumption,file,line")
        #expect(lines.last == "")
        let data = try #require(files[FigureExport.jsonPath])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let keys = (json["figures"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        #expect(lines.dropFirst().dropLast().map { String($0.prefix { $0 != "," }) } == keys)
        #expect(lines.contains("choice.yes,Oui,typed,62.5,\"62,5\u{202F}%\",,,percent,share,choice,,,,1200,people,,,s1,Source d’essai,,data/figures.yaml,18"))
    }

    @Test func csvQuotesCommasQuotesAndNewlines() {
        #expect(CSVField.quoted("simple") == "simple")
        #expect(CSVField.quoted("a, b") == "\"a, b\"")
        #expect(CSVField.quoted("dit \"oui\"") == "\"dit \"\"oui\"\"\"")
        #expect(CSVField.quoted("deux\nlignes") == "\"deux\nlignes\"")
        // A quote carrying a combining mark is still a quote to a CSV reader.
        #expect(CSVField.quoted("a, \"\u{301}b\"") == "\"a, \"\"\u{301}b\"\"\"")
        #expect(CSVField.quoted("\"") == "\"\"\"\"")
    }

    /// OWASP's CSV injection advice: text a spreadsheet would run as a formula starts with `'`.
    @Test func csvNeutralisesFormulas() throws {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSVField.text(start + "HYPERLINK(\"x\")").hasPrefix("\"'" + start))
            #expect(CSVField.text(start + "1") == (start == "\r" ? "\"'\r1\"" : "'" + start + "1"))
        }
        #expect(CSVField.text("Oui") == "Oui")
        let figures = sampleFigures.replacingOccurrences(of: "label: Le prix", with: "label: \"=cmd|' /C calc'!A0\"")
        let csv = String(decoding: try #require(try Self.build(figures: figures)[FigureExport.csvPath]), as: UTF8.self)
        #expect(csv.contains("reasons.price,'=cmd|' /C calc'!A0,typed,40,"))
        #expect(!csv.contains(",=cmd"))
        // Numbers are Étude's own: a negative value stays a number.
        #expect(csv.contains("\r\nchoice.difference,"))
    }

    @Test func numbersAreWrittenForMachines() {
        #expect(FigureExport.number(53) == "53")
        #expect(FigureExport.number(62.5) == "62.5")
        #expect(FigureExport.number(2.0 / 3.0) == "0.6666666666666666")
    }

    @Test func sourcesAndMethodLinksToTheDataFiles() throws {
        let page = try TestSupport.renderMarkdown("```sources\n```\n", figures: sampleFigures)
        #expect(page.contentHTML.contains("<a href=\"donnees/figures.csv\">figures.csv</a>"))
        #expect(page.contentHTML.contains("<a href=\"donnees/figures.json\">figures.json</a>"))
    }
}
