import Foundation
import Testing
@testable import EtudeCore

/// Logo, accent colours (WCAG AA against the theme's backgrounds) and extra stylesheet.
@Suite struct BrandingTests {
    static let publish = Project(directory: TestSupport.fixtures.appendingPathComponent("publish/project"))

    @Test func contrastFollowsWCAG() throws {
        let white = try #require(Colour(hex: "#fff"))
        #expect(abs(try #require(Colour(hex: "#000000")).contrast(with: white) - 21) < 0.001)
        #expect(abs(try #require(Colour(hex: "#767676")).contrast(with: white) - 4.54) < 0.01)
        #expect(abs(try #require(Colour(hex: "#1747A6")).contrast(with: white) - 8.4) < 0.05)
        #expect(Colour(hex: "1747a6") == nil && Colour(hex: "#12345g") == nil && Colour(hex: "#1234") == nil)
    }

    /// The backgrounds checked against are read from the theme's stylesheet itself.
    @Test func backgroundsAreTheThemes() throws {
        let css = try #require(BuiltInTheme.files["assets/style.css"])
        let backgrounds = ThemeBackgrounds(css: css)
        #expect(backgrounds.light.map(\.hex) == ["#ffffff", "#f2f4f7"])
        #expect(backgrounds.dark.map(\.hex) == ["#14171c", "#1f242c"])
        #expect(backgrounds.darkAccent?.hex == "#8db8ff")
        #expect(ThemeBackgrounds(css: "body { color: red; }") == ThemeBackgrounds.builtIn)
    }

    /// The theme's own accents pass the check they impose.
    @Test func themeAccentsPass() throws {
        let backgrounds = ThemeBackgrounds.builtIn
        #expect(Branding.contrastProblem(try #require(Colour(hex: "#1747a6")), named: "accent", theme: "light", on: backgrounds.light, fix: "") == nil)
        #expect(Branding.contrastProblem(try #require(Colour(hex: "#8db8ff")), named: "accent", theme: "dark", on: backgrounds.dark, fix: "") == nil)
    }

    @Test func pagesAndReportShowTheLogoAndTheColour() throws {
        let files = try SiteBuilder(project: Self.publish).render().files
        let brand = String(decoding: try #require(files["assets/brand.css"]), as: UTF8.self)
        #expect(brand.contains(":root { --accent: #7a1f5c; }") && brand.contains(":root { --accent: #f0a8d8; }"))
        let page = String(decoding: try #require(files["guide/index.html"]), as: UTF8.self)
        #expect(page.contains("<img class=\"site-logo\" src=\"../images/logo.svg\" alt=\"\" width=\"96\" height=\"32\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/brand.css\">\n<link rel=\"stylesheet\" href=\"../css/site.css\">"))
        let report = String(decoding: try #require(files["rapport.html"]), as: UTF8.self)
        #expect(report.contains("<img class=\"report-cover__logo\" src=\"images/logo.svg\" alt=\"\" width=\"96\" height=\"32\">"))
        #expect(report.contains("/* assets/brand.css */\n/* Accent colours"))
    }

    /// A light accent alone leaves the dark theme its own accent.
    @Test func lightAccentAloneKeepsTheDarkOne() throws {
        let project = try TestSupport.makeProject([
            "data/site.yaml": TestSupport.minimalSite + "accent: \"#7a1f5c\"\n", "data/figures.yaml": "",
            "content/index.md": "---\ntitle: Essai\n---\nTexte.\n",
        ])
        let files = try SiteBuilder(project: Project(directory: project)).render().files
        let brand = String(decoding: try #require(files["assets/brand.css"]), as: UTF8.self)
        #expect(brand.contains("@media screen {\n  :root { --accent: #7a1f5c; }\n}\n@media screen and (prefers-color-scheme: dark) {\n  :root { --accent: #8db8ff; }\n}"))
    }

    @Test func noBrandingNoBrandFile() throws {
        let files = try SiteBuilder(project: Project(directory: TestSupport.fixtures.appendingPathComponent("golden/project"))).render().files
        #expect(files["assets/brand.css"] == nil)
        #expect(!String(decoding: try #require(files["index.html"]), as: UTF8.self).contains("site-logo"))
    }
}
