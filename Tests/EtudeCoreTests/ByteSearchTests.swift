import Foundation
import Testing
@testable import EtudeCore

/// The faster searches and checks give what the slower ones they stand in front of gave.
struct ByteSearchTests {
    /// Texts where a byte match and a match of characters could part: combining marks after
    /// and before the needle, canonical singletons, CRLF, non-ASCII around it.
    static let texts = ["", "a", "{{", "{", "x {{ y }}", "{{\u{301}", "\u{301}{{", "<img src=\"a\"/>", "<img\u{301} ", "<img \u{301}",
                        "&#", "&#\u{301}xE000;", "é&#57344;", "\r\n{{", "{{\r\n", "\u{212A}", "\u{37E}", "id=\"sources-et-methode\"",
                        "<!--etude-pages:actions-->", "<!--etude-pages:actions-->\u{301}", "ﬃ {{", "日本{{語"]
    static let needles = ["{{", "&#", "<img ", "id=\"sources-et-methode\"", "<!--etude-pages:actions-->", "a"]

    @Test func noBytesMeansNoMatch() {
        for text in Self.texts {
            for needle in Self.needles {
                // Whenever Foundation finds the needle, so do the bytes; stringContains is Foundation's answer.
                if text.contains(needle) { #expect(ByteSearch.contains(needle, in: text), "\(text.debugDescription) \(needle)") }
                #expect(ByteSearch.stringContains(needle, in: text) == text.contains(needle), "\(text.debugDescription) \(needle)")
                #expect(ByteSearch.bytes(of: needle, occurIn: text) == (text.utf8.firstRange(of: needle.utf8) != nil))
                #expect(ByteSearch.contains(needle, in: text[...]) == ByteSearch.contains(needle, in: text))
            }
        }
    }

    @Test func plainASCIINeedles() {
        #expect(ByteSearch.isPlainASCII("{{"))
        #expect(!ByteSearch.isPlainASCII("K"))
        #expect(!ByteSearch.isPlainASCII(";"))
        #expect(!ByteSearch.isPlainASCII("é"))
    }

    @Test func urlNamesAgreeWithTheRegex() {
        let names = ["", "a", "a-b", "a--b", "-a", "a-", "ab12-3c", "A", "a_b", "a__b", "_a", "a_", "a-_b", "a\r\nb", "é", "a\u{301}", "a b", "a.b", "0"]
        for name in names {
            #expect(URLName.isValid(name) == (name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil), "\(name.debugDescription)")
            #expect(URLName.isValid(name, underscore: true) == (name.wholeMatch(of: /[a-z0-9]+([-_][a-z0-9]+)*/) != nil), "\(name.debugDescription)")
        }
    }

    /// Every scalar of the Basic Multilingual Plane, alone and between two letters (those
    /// outside the simple ranges take the transform itself); every pair of U+00A0–U+017F.
    @Test func strippingDiacriticsAgreesWithTheTransform() {
        var differences: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a" + String(scalar) + "b", "e" + String(scalar)] {
                let icu = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
                if text.strippingDiacritics() != icu { differences.append(String(format: "U+%04X", value)) }
            }
        }
        let latin = (UInt32(0xA0)...0x17F).compactMap(Unicode.Scalar.init).map(String.init)
        for first in latin {
            for second in latin where (first + second).strippingDiacritics() != (first + second).applyingTransform(.stripDiacritics, reverse: false) {
                differences.append(first + second)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect("Résultats clés : l’Œuvre — « Ça »".strippingDiacritics() == "Resultats cles : l’Œuvre — « Ca »")
    }
}
