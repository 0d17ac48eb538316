import Testing
@testable import EtudeCore

@Suite struct HTMLTextTests {
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
