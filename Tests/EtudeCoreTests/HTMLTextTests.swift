import Foundation
import Testing
@testable import EtudeCore

@Suite struct HTMLTextTests {
    /// The byte loop `replacing` had before it jumped with memchr and copied runs: the reference.
    static func referenceReplacing(_ pairs: [(String, String)], in text: String) -> String {
        let bytes = Array(text.utf8)
        let patterns = pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }.filter { !$0.0.isEmpty }
        var output: [UInt8] = []
        var index = 0
        scan: while index < bytes.count {
            for (pattern, replacement) in patterns where index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern {
                output.append(contentsOf: replacement)
                index += pattern.count
                continue scan
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func replacingIsTheOneByteLoopItReplaced() {
        let pieces = ["<h2", "<h3", ">", "<", "a", "ab", "é", "\u{E000}", "\u{E000}1\u{E001}", "\u{E001}", "\u{301}", " ", "\n", "<h2>"]
        let pairSets: [[(String, String)]] = [
            [("<h2", "<h3"), ("<h3", "<h4")], [("\u{E000}1\u{E001}", "<b>un</b>"), ("\u{E000}", "")], [("ab", "1"), ("a", "2"), ("é", "e")],
            [("a", "")], [("", "x"), ("<", "&lt;")], [("<h2>", "<h2 class=\"x\">"), ("\u{301}", "")],
        ]
        for (index, text) in RandomTexts.make(seed: 808, count: 6_000, maxPieces: 12, from: pieces).enumerated() {
            let pairs = pairSets[index % pairSets.count]
            // Bytes compared: `==` on texts would take a composed accent for a decomposed one.
            #expect(Array(HTMLText.replacing(pairs, in: text).utf8) == Array(Self.referenceReplacing(pairs, in: text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func replacingIsOnePassLeftToRightFirstPairWins() {
        #expect(HTMLText.replacing([("<h2", "<h3"), ("<h3", "<h4")], in: "<h2>a</h2><h3>b") == "<h3>a</h2><h4>b")
        #expect(HTMLText.replacing([("ab", "1"), ("a", "2")], in: "aab") == "21")
        #expect(HTMLText.replacing([("é", "e")], in: "été, «\u{202F}été\u{202F}»") == "ete, «\u{202F}ete\u{202F}»")
        #expect(HTMLText.replacing([], in: "inchangé") == "inchangé")
    }

    @Test func attributesInBothQuotesOnlyAfterWhitespace() {
        let html = "<a href=\"a.html#x\" data-href=\"no\"><img src='b.png' alt=\"x\"><p\nid=\"p\">"
        #expect(HTMLText.attributes(["href", "src", "id"], in: html).map { "\($0.name)=\($0.value)" } == ["href=a.html#x", "src=b.png", "id=p"])
    }

    @Test func rewriteChangesOnlyWhatTheTransformReturns() {
        let html = "<h3 id=\"a\" class=\"id\"><a href=\"#a\">é</a></h3>"
        let result = HTMLText.rewriteAttributes(["id", "href"], in: html) { name, value in
            name == "id" ? "x-" + value : nil
        }
        #expect(result == "<h3 id=\"x-a\" class=\"id\"><a href=\"#a\">é</a></h3>")
        #expect(HTMLText.rewriteAttributes(["id"], in: "<p id=\"unclosed>", { _, _ in "z" }) == "<p id=\"unclosed>")
    }

    /// The bytes `rewriteAttributes` made before it appended the text's own pieces: the reference.
    @Test func rewriteIsTheByteCopyItReplaced() {
        let pieces = ["<a", " href=\"", "\"", "'", " id='", " src=", "x.html", "#frag", "é", "e\u{301}", "\u{301}", "«\u{202F}", ">", " ", "\n", "</a>", "=\""]
        let transform = { (name: String, value: String) -> String? in
            value.isEmpty ? nil : name == "id" ? "p-" + value : value.hasPrefix("#") ? nil : "../" + value + "\u{301}"
        }
        for html in RandomTexts.make(seed: 2024, count: 6_000, maxPieces: 14, from: pieces) {
            let bytes = Array(html.utf8)
            var output: [UInt8] = [], copied = 0
            HTMLText.scanAttributes(["href", "id", "src"], in: bytes) { hit in
                guard let replacement = transform(hit.name, String(decoding: bytes[hit.value], as: UTF8.self)) else { return }
                output += bytes[copied..<hit.value.lowerBound] + Array(replacement.utf8)
                copied = hit.value.upperBound
            }
            output += bytes[copied...]
            #expect(Array(HTMLText.rewriteAttributes(["href", "id", "src"], in: html, transform).utf8) == output, "\(html.debugDescription)")
        }
    }
}

@Suite struct SitePathTests {
    @Test func externalLinksHaveASchemeOrAHost() {
        for link in ["https://example.org", "mailto:a@b.fr", "data:,", "tel:+33", "//cdn.example.org/x.css", "Web+cal.x-1:y"] {
            #expect(SitePath.isExternal(link), "\(link)")
        }
        for link in ["a.html", "../a.html#x", "#x", "dossier/a:b.html", "1http:x", "", "/a.html"] {
            #expect(!SitePath.isExternal(link), "\(link)")
        }
    }

    @Test func resolveAndRelativeAreInverse() {
        #expect(SitePath.resolve("../a.html", from: "b/c.html") == "a.html")
        #expect(SitePath.resolve("../../a.html", from: "b/c.html") == nil)
        #expect(SitePath.resolve("/d/e.html", from: "b/c.html") == "d/e.html")
        #expect(SitePath.resolve("./", from: "b/c.html") == "b/")
        #expect(SitePath.relative(to: "a.html", from: "b/c.html") == "../a.html")
        #expect(SitePath.relative(to: "b/d.html", from: "b/c.html") == "d.html")
        #expect(SitePath.relative(to: "x/y.html", from: "index.html") == "x/y.html")
    }

    @Test func splitAndFolderIndex() {
        #expect(SitePath.split("a.html#x") == ("a.html", "x"))
        #expect(SitePath.split("#x") == ("", "x"))
        #expect(SitePath.split("a.csv?v=2").address == "a.csv?v=2" && SitePath.split("a.csv?v=2").fragment == nil)
        #expect(SitePath.folderIndex("constats") == "constats/index.html")
        #expect(SitePath.folderIndex("constats/") == "constats/index.html")
        #expect(SitePath.folderIndex("") == "index.html")
    }
}

/// Attributes read in the bytes of a file are those read in its decoded text, even where
/// the bytes are not UTF-8 (decoding replaces them, and keeps every ASCII byte in place).
struct HTMLBytesAttributeTests {
    static let pieces = ["<a href=\"x.html\">", " id=\"a\"", " src='i.png'", "\"", "'", " ", "=", "é", "\u{301}", "<p>", "href", "id",
                         "\u{FFFD}", "👍🏽", ">"]
    static let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F]]

    @Test func sameAsInTheDecodedText() {
        var generator = SplitMix64(seed: 17)
        var differences: [String] = []
        for text in RandomTexts.make(seed: 17, count: 5_000, maxPieces: 12, from: Self.pieces) {
            var bytes = Array(text.utf8)
            if Bool.random(using: &generator), !bytes.isEmpty {
                bytes.insert(contentsOf: Self.invalid.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let data = Data(bytes)
            for names in [LinkChecker.idNames, LinkChecker.linkNames] {
                let expected = HTMLText.attributes(names, in: String(decoding: data, as: UTF8.self))
                let actual = HTMLText.attributes(names, inUTF8: data)
                if expected.map(\.name) != actual.map(\.name) || expected.map(\.value) != actual.map(\.value) { differences.append(text) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).map(\.debugDescription))")
    }
}
