/// The theme shipped with Étude, compiled into the program so that `etude` runs from any
/// folder without a resource bundle next to it. Its files are generated from
/// `Sources/EtudeCore/Resources/theme/` by `Scripts/generate-theme.swift` (`make theme`).
public enum BuiltInTheme {
    /// How an error names a file of this theme.
    public static let shownPrefix = "(built-in theme)/"
}
