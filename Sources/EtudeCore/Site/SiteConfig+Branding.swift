import Foundation
import Yams

/// The branding settings of `data/site.yaml`, as written; `Branding` checks them against
/// the built files.
public struct BrandingSettings: Equatable, Sendable {
    /// A file of `static/`, by its path there (which is its path in the output).
    public var logo: String?
    /// Accent colours as written (`#rrggbb`), for the light and the dark theme.
    public var accentLight: String?
    public var accentDark: String?
    /// A CSS file of `static/`, linked after the theme's stylesheet.
    public var stylesheet: String?
    /// Where each setting is written, for errors.
    public var positions: [String: SourcePosition] = [:]

    public var isEmpty: Bool { logo == nil && accentLight == nil && accentDark == nil && stylesheet == nil }
}

extension SiteConfig {
    static let brandingKeys = ["logo", "accent", "stylesheet"]

    /// `logo: images/logo.svg`, `accent: "#1747a6"` (the light theme's) or
    /// `accent: { light: "#1747a6", dark: "#8db8ff" }`, `stylesheet: css/site.css`.
    static func branding(_ entries: [YAMLReader.Entry], reader: YAMLReader) throws -> BrandingSettings {
        var settings = BrandingSettings()
        var collector = DiagnosticCollector()
        let quoteHint = "write it in quotes, such as \"#1747a6\" (unquoted, # starts a YAML comment)"
        func colour(_ node: Node, _ name: String, key: String) {
            if let position = reader.textLocation(of: node) { settings.positions[key] = position }
            guard node.scalar.map({ !$0.string.isEmpty }) == true else {
                collector.report(reader.error("\(name) is empty; \(quoteHint)", at: node))
                return
            }
            collector.collect {
                let text = try reader.text(node, name)
                guard Colour(hex: text) != nil else {
                    throw reader.error("\(name) '\(text)' is not a colour; write it as #rrggbb in quotes, such as \"#1747a6\"", at: node)
                }
                if key == "accent.dark" { settings.accentDark = text } else { settings.accentLight = text }
            }
        }
        for entry in entries where brandingKeys.contains(entry.key) {
            switch entry.key {
            case "accent":
                if entry.value.mapping != nil {
                    let modes = collector.collect { try reader.entries(of: entry.value, "accent") } ?? []
                    collector.collect { try reader.checkKeys(modes, allowed: ["light", "dark"], in: "accent") }
                    for mode in modes where ["light", "dark"].contains(mode.key) {
                        colour(mode.value, "accent \(mode.key)", key: "accent.\(mode.key)")
                    }
                } else {
                    colour(entry.value, "accent", key: "accent.light")
                }
            default:
                collector.collect {
                    let text = try reader.text(entry.value, entry.key)
                    if let position = reader.textLocation(of: entry.value) { settings.positions[entry.key] = position }
                    if entry.key == "logo" { settings.logo = text } else { settings.stylesheet = text }
                }
            }
        }
        try collector.throwIfAny()
        return settings
    }
}
