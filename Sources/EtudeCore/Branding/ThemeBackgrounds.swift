import Foundation

/// The backgrounds text is read on, light and dark (`--bg` and `--surface` of the theme's
/// `style.css`, in `:root` and in its `prefers-color-scheme: dark` block), against which
/// an accent colour must keep the WCAG AA contrast.
struct ThemeBackgrounds: Equatable {
    var light: [Colour]
    var dark: [Colour]
    /// The dark theme's own accent, kept when only the light one is given.
    var darkAccent = Colour(hex: "#8db8ff")

    /// The built-in theme's values, when a stylesheet does not declare them.
    static let builtIn = ThemeBackgrounds(
        light: [Colour(hex: "#ffffff"), Colour(hex: "#f2f4f7")].compactMap { $0 },
        dark: [Colour(hex: "#14171c"), Colour(hex: "#1f242c")].compactMap { $0 })

    /// Read from `css`; a mode whose `--bg` is not found keeps the built-in theme's.
    init(css: String) {
        let darkStart = css.range(of: "prefers-color-scheme: dark")?.lowerBound ?? css.endIndex
        let printStart = css.range(of: "@media print")?.lowerBound ?? css.endIndex
        let lightPart = css[..<min(darkStart, printStart)]
        let darkPart = css[darkStart...]
        light = Self.backgrounds(in: lightPart) ?? Self.builtIn.light
        dark = Self.backgrounds(in: darkPart) ?? Self.builtIn.dark
        if let accent = Self.value("--accent", in: darkPart) { darkAccent = accent }
    }

    init(light: [Colour], dark: [Colour]) {
        self.light = light
        self.dark = dark
    }

    /// The first `--bg` and `--surface` of `css`, nil without a `--bg`.
    private static func backgrounds(in css: Substring) -> [Colour]? {
        guard let bg = value("--bg", in: css) else { return nil }
        return [bg] + [value("--surface", in: css)].compactMap { $0 }
    }

    /// The first hexadecimal value of the custom property `name` in `css`.
    private static func value(_ name: String, in css: Substring) -> Colour? {
        guard let start = css.range(of: name + ":") else { return nil }
        let token = css[start.upperBound...].drop { $0 == " " }.prefix { $0 == "#" || $0.isHexDigit }
        return Colour(hex: String(token))
    }
}
