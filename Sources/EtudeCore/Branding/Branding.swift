import Foundation

/// The site's logo, accent colours and extra stylesheet (`data/site.yaml`), checked
/// against the built files: the logo and the stylesheet are files of `static/`, each
/// accent keeps the WCAG AA contrast (4.5:1) with the backgrounds of its theme. The
/// colours become `assets/brand.css`, loaded after the theme by the pages and inlined
/// in the report.
struct Branding {
    static let cssPath = "assets/brand.css"
    /// WCAG 2 AA, for normal-size text such as links.
    static let minimumContrast = 4.5

    var logo: (path: String, size: ImageSize)?
    var stylesheet: String?
    /// The content of `assets/brand.css`; nil without an accent.
    var css: String?

    /// `backgrounds` (`etude serve`) keeps the theme's backgrounds read from a stylesheet
    /// while it is the same.
    init(settings: BrandingSettings, staticFiles: [String: Data], themeCSS: String?,
         backgrounds memo: SlotMemo<String, ThemeBackgrounds>? = nil) throws {
        var collector = DiagnosticCollector()
        let at = { (key: String) in settings.positions[key] }
        let error = { (key: String, message: String) in Diagnostic(file: SiteConfig.path, at: at(key), message: message) }
        if let path = settings.logo {
            if let data = Self.staticFile(path, in: staticFiles) {
                if let size = ImageSize(of: data) {
                    logo = (path, size)
                } else {
                    collector.report(error("logo", "cannot read the width and height of the logo static/\(path); give a PNG, JPEG, GIF or SVG file"))
                }
            } else {
                collector.report(error("logo", "the logo '\(path)' is not a file of static/; put the image in static/ and give its path there, such as images/logo.svg"))
            }
        }
        if let path = settings.stylesheet {
            if !path.lowercased().hasSuffix(".css") || Self.staticFile(path, in: staticFiles) == nil {
                collector.report(error("stylesheet", "the stylesheet '\(path)' is not a .css file of static/; put it in static/ and give its path there, such as css/site.css"))
            } else {
                stylesheet = path
            }
        }
        let backgrounds = themeCSS.map { css in memo?.value("theme", for: css) { ThemeBackgrounds(css: css) } ?? ThemeBackgrounds(css: css) } ?? .builtIn
        let named = settings.positions["accent.dark"] == nil ? "accent" : "accent light"
        let light = settings.accentLight.flatMap(Colour.init(hex:))
        let dark = settings.accentDark.flatMap(Colour.init(hex:))
        if let light, let problem = Self.contrastProblem(light, named: named, theme: "light", on: backgrounds.light, fix: "a darker colour") {
            collector.report(error("accent.light", problem))
        }
        if let dark, let problem = Self.contrastProblem(dark, named: "accent dark", theme: "dark", on: backgrounds.dark, fix: "a lighter colour") {
            collector.report(error("accent.dark", problem))
        }
        try collector.throwIfAny()
        if light != nil || dark != nil {
            css = Self.stylesheet(light: light, dark: dark ?? backgrounds.darkAccent)
        }
    }

    /// Why `accent` cannot colour text on `backgrounds`; nil when it can on each.
    static func contrastProblem(_ accent: Colour, named name: String, theme: String, on backgrounds: [Colour], fix: String) -> String? {
        guard let worst = backgrounds.min(by: { accent.contrast(with: $0) < accent.contrast(with: $1) }) else { return nil }
        let ratio = accent.contrast(with: worst)
        guard ratio < minimumContrast else { return nil }
        let shown = String(format: "%.1f", (ratio * 10).rounded(.down) / 10)
        return "\(name) \(accent.hex) has a contrast of \(shown):1 with the \(theme) theme's background \(worst.hex), "
            + "under the 4.5:1 that WCAG AA asks for the links it colours; choose \(fix)"
    }

    /// The accent for the screen, light and dark; on paper the report's cover rule only,
    /// since the printed text stays black on white.
    static func stylesheet(light: Colour?, dark: Colour?) -> String {
        var css = "/* Accent colours of data/site.yaml, checked for WCAG AA contrast with the theme's backgrounds. */\n"
        if let light { css += "@media screen {\n  :root { --accent: \(light.hex); }\n}\n" }
        if let dark { css += "@media screen and (prefers-color-scheme: dark) {\n  :root { --accent: \(dark.hex); }\n}\n" }
        if let light { css += "@media print {\n  .report-cover { border-top-color: \(light.hex); }\n}\n" }
        return css
    }

    /// What templates see under `site`: `logo.{path,width,height}`, `stylesheet`, `brandCSS`.
    var templateValues: [String: Any] {
        var values: [String: Any] = [:]
        if let logo { values["logo"] = ["path": logo.path, "width": logo.size.width, "height": logo.size.height] as [String: Any] }
        if let stylesheet { values["stylesheet"] = stylesheet }
        if css != nil { values["brandCSS"] = Self.cssPath }
        return values
    }

    /// The bytes of `path` in `static/`, for a plain path from its root.
    private static func staticFile(_ path: String, in files: [String: Data]) -> Data? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else { return nil }
        return files[path]
    }
}
